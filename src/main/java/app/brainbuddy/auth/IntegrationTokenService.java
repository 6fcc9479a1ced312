package app.brainbuddy.auth;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.IntegrationGrant;
import app.brainbuddy.user.User;
import app.brainbuddy.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Read-only, scoped tokens a user gives to third-party integrations, and their revocation. */
@Service
class IntegrationTokenService {

    private final UserService users;
    private final TokenService tokens;
    private final CurrentUser currentUser;
    private final Clock clock;

    IntegrationTokenService(UserService users, TokenService tokens, CurrentUser currentUser, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    IntegrationTokenPayload create(CreateIntegrationTokenInput input) {
        String userId = currentUser.requireAccount();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        IntegrationGrant grant = users.addIntegration(
                userId,
                new IntegrationGrant(
                        UUID.randomUUID().toString(),
                        input.name().strip(),
                        input.scopes().stream().distinct().toList(),
                        now,
                        now.plus(Duration.ofDays(input.expiresInDays()))));
        return new IntegrationTokenPayload(tokens.issue(currentUser.user(), grant), grant);
    }

    String revoke(String grantId) {
        users.revokeIntegration(currentUser.requireAccount(), grantId);
        return grantId;
    }

    /** Only the account itself sees its integrations, never an integration or an administrator. */
    List<IntegrationGrant> integrationsOf(User user) {
        if (!user.id().equals(currentUser.requireAccount())) {
            throw ApiException.forbidden("Only the account itself can see its integrations");
        }
        return user.integrationsOrEmpty();
    }
}
