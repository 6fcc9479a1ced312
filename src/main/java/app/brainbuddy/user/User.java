package app.brainbuddy.user;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/** A Brain Buddy account. {@code hashedPassword} never leaves the server: the schema has no field for it. */
@Document("users")
public record User(
        @Id String id,
        @Indexed(unique = true) String email,
        @Field("hashed_password") String hashedPassword,
        Chronotype chronotype,
        @Field("created_at") Instant createdAt,
        @Field("privacy_settings") Map<String, Object> privacySettings) {}
