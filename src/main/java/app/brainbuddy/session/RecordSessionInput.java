package app.brainbuddy.session;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A session that took place on a device, synced later; the optional id makes a retried sync harmless. */
@TargetFitsModule
record RecordSessionInput(
        @Nullable @Pattern(regexp = "[0-9a-f]{24}", message = SessionSync.UNUSABLE_ID)
        String id,

        @NotNull ModuleType moduleType,
        @Nullable BrainwaveTarget brainwaveTarget,
        @Nullable Map<String, Object> generatedContent,

        @Min(SessionLimits.SHORTEST_SECONDS) @Max(SessionLimits.LONGEST_SECONDS)
        int durationSeconds,

        @NotNull Instant timestamp,
        @Nullable @Min(1) @Max(5) Integer userRating,
        @Nullable @DecimalMin("0") @DecimalMax("1") Double effectivenessScore)
        implements TargetFitsModule.Input {

    @AssertTrue(message = "and effectivenessScore are given together or not at all")
    boolean isUserRating() {
        return (userRating == null) == (effectivenessScore == null);
    }
}
