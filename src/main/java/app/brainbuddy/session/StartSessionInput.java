package app.brainbuddy.session;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

@TargetFitsModule
record StartSessionInput(
        @NotNull ModuleType moduleType,
        @Nullable BrainwaveTarget brainwaveTarget,
        @Nullable Double frequency,

        @Min(SessionLimits.SHORTEST_SECONDS) @Max(SessionLimits.LONGEST_SECONDS)
        int durationSeconds,

        @Nullable @Min(0) @Max(23) Integer localHour,
        @Nullable Boolean headphones,

        @Nullable @Pattern(regexp = "[0-9a-f]{24}", message = "must be a habit id (24 lowercase hex digits)")
        String habitId)
        implements TargetFitsModule.Input {

    @AssertTrue(message = "must lie inside the band of brainwaveTarget, and only BRAINWAVE sessions take one")
    boolean isFrequency() {
        return frequency == null || (brainwaveTarget != null && brainwaveTarget.contains(frequency));
    }

    @AssertTrue(message = "chooses the habit a PFC_GYM session rehearses; other modules take none")
    boolean isHabitId() {
        return habitId == null || moduleType == ModuleType.PFC_GYM;
    }

    /** Headphones are assumed unless the listener says otherwise, as before the question was asked. */
    boolean hasHeadphones() {
        return !Boolean.FALSE.equals(headphones);
    }
}
