package app.brainbuddy.auth;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @MutationMapping
    AuthPayload register(@Argument @Valid RegisterInput input) {
        return auth.register(input);
    }

    @MutationMapping
    AuthPayload login(@Argument LoginInput input) {
        return auth.login(input);
    }
}
