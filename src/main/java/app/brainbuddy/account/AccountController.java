package app.brainbuddy.account;

import app.brainbuddy.user.AccountEvent;
import app.brainbuddy.user.UserService;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

@Controller
class AccountController {

    private final AccountService account;
    private final UserService users;

    AccountController(AccountService account, UserService users) {
        this.account = account;
        this.users = users;
    }

    @QueryMapping
    Map<String, Object> exportMyData() {
        return account.export();
    }

    @MutationMapping
    DeleteAccountPayload deleteAccount() {
        return account.delete();
    }

    @SubscriptionMapping
    Flux<AccountEvent> accountChanged() {
        return users.changes();
    }
}
