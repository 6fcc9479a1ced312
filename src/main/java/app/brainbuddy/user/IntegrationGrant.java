package app.brainbuddy.user;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * An integration the user authorised: a read-only token with these scopes until it expires or is
 * revoked. Kept in the user's document; the token's {@code jti} is this grant's id.
 */
public record IntegrationGrant(
        String id,
        String name,
        List<Scope> scopes,
        @Field("created_at") Instant createdAt,
        @Field("expires_at") Instant expiresAt) {

    public boolean isActiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
