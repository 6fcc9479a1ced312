package app.brainbuddy.session;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

record StartSessionInput(
        @NotNull ModuleType moduleType,
        @Nullable BrainwaveTarget brainwaveTarget,
        @Min(60) @Max(7200) int durationSeconds) {

    @AssertTrue(message = "is required for BRAINWAVE sessions and not allowed for other modules")
    boolean isBrainwaveTarget() {
        return (moduleType == ModuleType.BRAINWAVE) == (brainwaveTarget != null);
    }
}
