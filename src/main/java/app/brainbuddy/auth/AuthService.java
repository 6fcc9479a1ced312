package app.brainbuddy.auth;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.user.User;
import app.brainbuddy.user.UserService;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class AuthService {

    private final UserService users;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    /** Compared against when the email is unknown, so that both failures take the same time. */
    private final String unknownUserHash;

    AuthService(UserService users, PasswordEncoder passwordEncoder, TokenService tokens) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.unknownUserHash = passwordEncoder.encode("no account has this password");
    }

    AuthPayload register(RegisterInput input) {
        User user = users.create(input.email(), passwordEncoder.encode(input.password()), input.chronotype());
        return payloadFor(user);
    }

    AuthPayload login(LoginInput input) {
        Optional<User> user = users.findByEmail(input.email());
        String hash = user.map(User::hashedPassword).orElse(unknownUserHash);
        if (!passwordEncoder.matches(input.password(), hash) || user.isEmpty()) {
            throw ApiException.unauthorized("The email or the password is not right");
        }
        return payloadFor(user.get());
    }

    private AuthPayload payloadFor(User user) {
        TokenService.IssuedToken token = tokens.issue(user);
        return new AuthPayload(token.value(), token.expiresAt(), user);
    }
}
