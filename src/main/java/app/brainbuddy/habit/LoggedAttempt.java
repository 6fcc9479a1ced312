package app.brainbuddy.habit;

import java.time.Instant;
import org.springframework.data.mongodb.core.mapping.Field;

/** One attempt in a habit's {@code attempt_log}, keyed there by the attempt's client id. */
public record LoggedAttempt(
        boolean success, @Field("occurred_at") Instant occurredAt) {}
