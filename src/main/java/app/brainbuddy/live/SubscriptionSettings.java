package app.brainbuddy.live;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What live updates may hold open (values in {@code application.yml}, documented in the README's
 * limits table). Counts are per instance, like {@code brainbuddy.person.in-flight}: each replica
 * protects its own memory and threads.
 *
 * @param perConnection subscriptions one graphql-ws connection may run at once
 * @param perPerson subscriptions one person may run at once, over all their connections and SSE streams
 * @param connectionsPerPerson graphql-ws connections one person may hold open at once
 * @param idleTimeout a graphql-ws connection without a running subscription for this long is closed
 * @param maxMessageSize the largest message a client may send over graphql-ws
 * @param maxQueued events waiting for one slow subscriber; past that the subscription ends with an error
 */
@ConfigurationProperties("brainbuddy.subscriptions")
@Validated
public record SubscriptionSettings(
        @Positive int perConnection,
        @Positive int perPerson,
        @Positive int connectionsPerPerson,
        Duration idleTimeout,
        DataSize maxMessageSize,
        @Positive int maxQueued) {}
