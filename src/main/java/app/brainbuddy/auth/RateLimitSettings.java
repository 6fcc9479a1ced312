package app.brainbuddy.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Brute-force protection of login and sign-up (values in {@code application.yml}): each is limited
 * per email and per client address, in fixed windows counted in MongoDB.
 */
@ConfigurationProperties("brainbuddy.security.rate-limit")
@Validated
record RateLimitSettings(
        @Valid @NotNull Limits login, @Valid @NotNull Limits register) {

    record Limits(
            @Valid @NotNull Limit perEmail, @Valid @NotNull Limit perAddress) {}

    /** Up to {@code attempts} in each {@code period} (windows start at whole multiples of the period, UTC). */
    record Limit(@Positive int attempts, @NotNull Duration period) {}
}
