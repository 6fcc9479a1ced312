package app.brainbuddy.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Brute-force protection of login and sign-up (values in {@code application.yml}): each is limited
 * per email and per client address, and {@code maxKeys} bounds how many emails or addresses each
 * limit remembers.
 */
@ConfigurationProperties("brainbuddy.security.rate-limit")
@Validated
record RateLimitSettings(
        @Valid @NotNull Limits login,
        @Valid @NotNull Limits register,
        @Positive int maxKeys) {

    record Limits(
            @Valid @NotNull Limit perEmail, @Valid @NotNull Limit perAddress) {}

    /** Up to {@code attempts} at once, then refilled evenly: {@code attempts} per {@code period}. */
    record Limit(@Positive int attempts, @NotNull Duration period) {}
}
