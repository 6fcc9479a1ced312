package app.brainbuddy.session;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

record StartSessionInput(
        @NotNull ModuleType moduleType,
        @Nullable BrainwaveTarget brainwaveTarget,

        @Min(SessionLimits.SHORTEST_SECONDS) @Max(SessionLimits.LONGEST_SECONDS)
        int durationSeconds,

        @Nullable @Min(0) @Max(23) Integer localHour) {

    @AssertTrue(message = SessionLimits.TARGET_RULE)
    boolean isBrainwaveTarget() {
        return moduleType == null || moduleType.fits(brainwaveTarget);
    }
}
