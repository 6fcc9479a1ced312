package app.brainbuddy.account;

import java.util.Map;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AccountController {

    private final AccountService account;

    AccountController(AccountService account) {
        this.account = account;
    }

    @QueryMapping
    Map<String, Object> exportMyData() {
        return account.export();
    }

    @MutationMapping
    DeleteAccountPayload deleteAccount() {
        return account.delete();
    }
}
