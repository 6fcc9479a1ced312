package app.brainbuddy.session;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

record RateSessionInput(
        @NotNull String sessionId,
        @Min(1) @Max(5) int rating,
        @DecimalMin("0") @DecimalMax("1") double effectivenessScore) {}
