package app.brainbuddy.model;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/** A user's personal model. {@code modelWeights} is ciphertext and has no field in the schema. */
@Document("user_models")
public record UserModel(
        @Id String id,
        @Indexed(unique = true) @Field("user_id") String userId,
        @Field("model_weights") byte[] modelWeights,
        @Field("last_updated") Instant lastUpdated,
        @Field("training_steps") long trainingSteps,
        ModelPhase phase) {}
