package app.brainbuddy.session;

import app.brainbuddy.user.OwnedByUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One training session of one user; {@code userRating} and {@code effectivenessScore} stay null until
 * rated. {@code generatedContent} is empty only when a read left it out because the query did not ask
 * for it, so it is never null, as the schema's {@code JSON!} says.
 */
@Document("sessions")
@CompoundIndex(name = "user_id_1_timestamp_-1", def = "{'user_id': 1, 'timestamp': -1}")
public record TrainingSession(
        @Id String id,
        @Indexed @Field("user_id") String userId,
        @Indexed @Field("module_type") ModuleType moduleType,
        @Field("brainwave_target") @Nullable BrainwaveTarget brainwaveTarget,
        @Field("generated_content") Map<String, Object> generatedContent,
        @Field("user_rating") @Nullable Integer userRating,
        @Field("effectiveness_score") @Nullable Double effectivenessScore,
        @Indexed Instant timestamp,
        @Field("duration_seconds") int durationSeconds,
        @Field("evidence_ids") @Nullable List<String> evidenceIds)
        implements OwnedByUser {

    public TrainingSession {
        if (generatedContent == null) {
            generatedContent = Map.of();
        }
    }

    /** The ids of the knowledge entries the content drew on; none for sessions recorded on a device. */
    public List<String> evidenceIdsOrEmpty() {
        return evidenceIds == null ? List.of() : evidenceIds;
    }

    boolean rated() {
        return userRating != null;
    }
}
