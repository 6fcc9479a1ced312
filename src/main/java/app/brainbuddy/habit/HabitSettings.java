package app.brainbuddy.habit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far from the server's clock an attempt's {@code occurredAt} may be: a device's clock may run a
 * little ahead ({@code maxClockSkew}), and an attempt made offline may be logged up to {@code
 * maxAttemptAge} later.
 */
@ConfigurationProperties("brainbuddy.habits")
record HabitSettings(
        @DefaultValue("90d") Duration maxAttemptAge,
        @DefaultValue("5m") Duration maxClockSkew) {}
