package app.brainbuddy.live;

import app.brainbuddy.graphql.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Counts running subscriptions per person and per graphql-ws connection (an SSE stream is a
 * connection of its own, with one subscription); a subscription over either limit is refused with
 * FORBIDDEN naming the limit, before it holds anything.
 */
@Component
public class SubscriptionSlots {

    /** The GraphQL context's key of the graphql-ws connection an operation came on. */
    public static final String CONNECTION = "brainbuddy.connection";

    private final SubscriptionSettings settings;
    private final ConcurrentHashMap<String, Integer> perPerson = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> perConnection = new ConcurrentHashMap<>();

    SubscriptionSlots(SubscriptionSettings settings, MeterRegistry meters) {
        this.settings = settings;
        Gauge.builder(
                        "brainbuddy.subscriptions.running",
                        perPerson,
                        counts -> counts.values().stream()
                                .mapToInt(Integer::intValue)
                                .sum())
                .description("Subscriptions running on this instance, over graphql-ws and SSE")
                .register(meters);
    }

    /** The events, holding a slot of the person (and of the connection, if any) while they run. */
    public <T> Flux<T> hold(String userId, @Nullable String connectionId, Flux<T> events) {
        return Flux.defer(() -> {
            take(
                    perPerson,
                    userId,
                    settings.perPerson(),
                    "You have %d subscriptions running, the most one person may (brainbuddy.subscriptions.per-person); end one first");
            if (connectionId != null) {
                try {
                    take(
                            perConnection,
                            connectionId,
                            settings.perConnection(),
                            "This connection runs %d subscriptions, the most one connection may (brainbuddy.subscriptions.per-connection); end one first");
                } catch (ApiException refused) {
                    give(perPerson, userId);
                    throw refused;
                }
            }
            return events.doFinally(signal -> {
                give(perPerson, userId);
                if (connectionId != null) {
                    give(perConnection, connectionId);
                }
            });
        });
    }

    /** Subscriptions the person runs now on this instance. */
    public int runningOf(String userId) {
        return perPerson.getOrDefault(userId, 0);
    }

    /** Subscriptions the connection runs now. */
    int runningOn(String connectionId) {
        return perConnection.getOrDefault(connectionId, 0);
    }

    private static void take(ConcurrentHashMap<String, Integer> counts, String key, int limit, String refusal) {
        int running = counts.merge(key, 1, Integer::sum);
        if (running > limit) {
            give(counts, key);
            throw ApiException.forbidden(refusal.formatted(running - 1));
        }
    }

    private static void give(ConcurrentHashMap<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (owner, running) -> running == 1 ? null : running - 1);
    }
}
