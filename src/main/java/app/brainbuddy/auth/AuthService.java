package app.brainbuddy.auth;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.User;
import app.brainbuddy.user.UserService;
import java.net.InetAddress;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class AuthService {

    private final UserService users;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final CurrentUser currentUser;
    private final AuthAttempts attempts;
    /** Compared against when the email is unknown, so that both failures take the same time. */
    private final String unknownUserHash;

    AuthService(
            UserService users,
            PasswordEncoder passwordEncoder,
            TokenService tokens,
            CurrentUser currentUser,
            AuthAttempts attempts) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.attempts = attempts;
        this.unknownUserHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    AuthPayload register(RegisterInput input, InetAddress clientAddress) {
        currentUser.refuseIntegrationTokens();
        attempts.countSignUp(input.email(), clientAddress);
        User user = users.create(
                input.email(), passwordEncoder.encode(Passwords.normalize(input.password())), input.chronotype());
        return payloadFor(user);
    }

    AuthPayload login(LoginInput input, InetAddress clientAddress) {
        currentUser.refuseIntegrationTokens();
        attempts.countLogin(input.email(), clientAddress);
        Optional<User> user = users.findByEmail(input.email());
        // accounts of an external identity provider have no password to log in with
        Optional<String> storedHash = user.map(User::hashedPassword);
        boolean matches = Passwords.matches(passwordEncoder, input.password(), storedHash.orElse(unknownUserHash));
        if (!matches || storedHash.isEmpty()) {
            throw ApiException.unauthorized("The email or the password is not right");
        }
        attempts.loginSucceeded(input.email(), clientAddress);
        return payloadFor(user.get());
    }

    private AuthPayload payloadFor(User user) {
        TokenService.IssuedToken token = tokens.issue(user);
        return new AuthPayload(token.value(), token.expiresAt(), user);
    }
}
