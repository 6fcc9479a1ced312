package app.brainbuddy.model;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A user's personal model as the repository sees it: everything but {@code model_weights}, the ciphertext, which only
 * {@link ModelStore} reads and writes (it may hold a legacy value of any shape).
 */
@Document("user_models")
public record UserModel(
        @Id String id,
        @Indexed(unique = true) @Field("user_id") String userId,
        @Field("last_updated") Instant lastUpdated,
        @Field("training_steps") long trainingSteps,
        ModelPhase phase) {}
