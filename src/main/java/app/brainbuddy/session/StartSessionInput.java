package app.brainbuddy.session;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

@TargetFitsModule
record StartSessionInput(
        @NotNull ModuleType moduleType,
        @Nullable BrainwaveTarget brainwaveTarget,
        @Nullable Double frequency,

        @Min(SessionLimits.SHORTEST_SECONDS) @Max(SessionLimits.LONGEST_SECONDS)
        int durationSeconds,

        @Nullable @Min(0) @Max(23) Integer localHour)
        implements TargetFitsModule.Input {

    @AssertTrue(message = "must lie inside the band of brainwaveTarget, and only BRAINWAVE sessions take one")
    boolean isFrequency() {
        return frequency == null || (brainwaveTarget != null && brainwaveTarget.contains(frequency));
    }
}
