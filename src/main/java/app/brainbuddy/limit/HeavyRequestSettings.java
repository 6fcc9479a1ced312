package app.brainbuddy.limit;

import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How many heavy requests run at once in one instance (values in {@code application.yml}, documented
 * in the README's limits table). A request is heavy when its body is at least {@code minBody} (a
 * device's sync of many sessions).
 *
 * @param lanes heavy requests this instance runs at once (0: half its processors, at least one); the rest wait their turn
 * @param minBody a request body at least this large makes the request heavy
 * @param maxWait how long a heavy request waits for a lane before it is refused with when to retry
 */
@ConfigurationProperties("brainbuddy.heavy-requests")
@Validated
public record HeavyRequestSettings(@PositiveOrZero int lanes, DataSize minBody, Duration maxWait) {

    /** The lanes this instance opens. */
    int lanesHere() {
        return lanes > 0 ? lanes : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
