package app.brainbuddy.user;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A Brain Buddy account. {@code hashedPassword} never leaves the server: the schema has no field for
 * it; accounts of an external identity provider have none. {@code externalSubject} is
 * {@code issuer|subject} for those accounts.
 */
@Document("users")
public record User(
        @Id String id,
        @Indexed(unique = true) String email,
        @Field("hashed_password") @Nullable String hashedPassword,
        Chronotype chronotype,
        @Indexed @Field("created_at") Instant createdAt,
        @Field("privacy_settings") Map<String, Object> privacySettings,
        @Nullable List<IntegrationGrant> integrations,
        @Field("external_subject") @Nullable String externalSubject) {

    public User {
        // accounts stored without settings share nothing, like new ones
        privacySettings = privacySettings == null ? Map.of() : privacySettings;
    }

    public List<IntegrationGrant> integrationsOrEmpty() {
        return integrations == null ? List.of() : integrations;
    }

    public Optional<IntegrationGrant> integration(String grantId) {
        return integrationsOrEmpty().stream()
                .filter(grant -> grant.id().equals(grantId))
                .findFirst();
    }
}
