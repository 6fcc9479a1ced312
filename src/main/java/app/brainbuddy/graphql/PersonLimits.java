package app.brainbuddy.graphql;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What one account may store or do (values in {@code application.yml}, documented in the README's
 * limits table). The cost model counts with {@code habits} as the most habits a person has, so it
 * must be enforced for the cost to be an upper bound.
 *
 * @param habits habits one person may have at once
 * @param sessionsPerDay sessions one person may start per UTC day
 * @param syncedSessionsPerDay sessions one person may record from a device per UTC day (offline sync)
 * @param inFlight requests of one person this instance runs at once; more wait for none but are refused
 * @param expensiveCost a request whose estimated cost is at least this counts as expensive
 * @param expensivePerWindow expensive requests one person may make per {@code window}
 * @param window the window of {@code expensivePerWindow}
 */
@ConfigurationProperties("brainbuddy.person")
@Validated
public record PersonLimits(
        @Positive int habits,
        @Positive int sessionsPerDay,
        @Positive int syncedSessionsPerDay,
        @Positive int inFlight,
        @Positive long expensiveCost,
        @Positive int expensivePerWindow,
        Duration window) {}
