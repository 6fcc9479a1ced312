package app.brainbuddy.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A user's personal model. {@code weights} is the ciphertext, which only {@link ModelStore} reads and writes: it may
 * hold a legacy value of any shape (a string, an old format), so it is declared as any value; reads for the schema
 * use {@link ModelStatus}, which leaves it in the database.
 */
@Document("user_models")
public record UserModel(
        @Id String id,
        @Indexed(unique = true) @Field("user_id") String userId,
        @Field("model_weights") @Nullable Object weights,
        @Field("last_updated") Instant lastUpdated,
        @Field("training_steps") long trainingSteps,
        ModelPhase phase) {}
