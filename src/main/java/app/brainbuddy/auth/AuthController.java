package app.brainbuddy.auth;

import jakarta.validation.Valid;
import java.net.InetAddress;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @MutationMapping
    AuthPayload register(
            @Argument @Valid RegisterInput input, @ContextValue(ClientAddress.NAME) InetAddress clientAddress) {
        return auth.register(input, clientAddress);
    }

    @MutationMapping
    AuthPayload login(@Argument @Valid LoginInput input, @ContextValue(ClientAddress.NAME) InetAddress clientAddress) {
        return auth.login(input, clientAddress);
    }
}
