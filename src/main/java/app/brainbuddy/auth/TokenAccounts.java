package app.brainbuddy.auth;

import app.brainbuddy.user.Caller;
import app.brainbuddy.user.IntegrationGrant;
import app.brainbuddy.user.User;
import app.brainbuddy.user.UserService;
import java.time.Clock;
import java.util.EnumSet;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a verified token into the caller, asking the database for the account on every request
 * (its version, and the whole account only when it changed), so that a deleted account's tokens and
 * a revoked integration token stop working on the very next request, on every replica.
 */
@Component
class TokenAccounts {

    private final UserService users;
    private final AdminEmails adminEmails;
    private final Clock clock;

    TokenAccounts(UserService users, AdminEmails adminEmails, Clock clock) {
        this.users = users;
        this.adminEmails = adminEmails;
        this.clock = clock;
    }

    /** A token this server issued: a user's own token or an integration token. */
    CallerAuthentication ownToken(Jwt token) {
        User user = users.findCaller(token.getSubject())
                .orElseThrow(() -> new InvalidBearerTokenException("The account of this token no longer exists"));
        if (!TokenClaims.INTEGRATION.equals(token.getClaimAsString(TokenClaims.TOKEN_USE))) {
            return new CallerAuthentication(new Caller(user, adminEmails.contains(user.email()), null), token);
        }
        IntegrationGrant grant = user.integration(token.getId())
                .filter(active -> active.isActiveAt(clock.instant()))
                .orElseThrow(() -> new InvalidBearerTokenException("This integration token was revoked"));
        return new CallerAuthentication(new Caller(user, false, EnumSet.copyOf(grant.scopes())), token);
    }

    /** A token of the trusted external identity provider: its subject is an account, created on first sight. */
    CallerAuthentication externalToken(Jwt token) {
        String email = Boolean.TRUE.equals(token.getClaimAsBoolean("email_verified"))
                ? Emails.normalize(token.getClaimAsString("email"))
                : null;
        User user = users.findOrCreateExternal(
                        token.getIssuer().toString(), token.getSubject(), email, token.getIssuedAt())
                .orElseThrow(() -> new InvalidBearerTokenException("The account of this token was deleted"));
        return new CallerAuthentication(new Caller(user, false, null), token);
    }
}
