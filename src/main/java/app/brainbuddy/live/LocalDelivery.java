package app.brainbuddy.live;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hands events to this instance's subscribers: one multicast sink per person who has one, dropped
 * with their last subscriber. A subscriber gets events on a worker of its own, so a publishing
 * request never runs a subscriber's GraphQL; one that falls {@code maxQueued} events behind is ended
 * with an error rather than holding memory (it subscribes again and reads what it missed).
 */
@Component
class LocalDelivery {

    /** How long concurrent publishers to one person retry the sink before an event is given up. */
    private static final Duration CONTENDED = Duration.ofSeconds(1);

    private final ConcurrentHashMap<String, Listeners> byPerson = new ConcurrentHashMap<>();
    private final Scheduler workers = Schedulers.boundedElastic();
    private final int maxQueued;

    LocalDelivery(SubscriptionSettings settings) {
        this.maxQueued = settings.maxQueued();
    }

    private record Listeners(Sinks.Many<LiveEvent> sink, int count) {
        Listeners plusOne() {
            return new Listeners(sink, count + 1);
        }
    }

    boolean listening(String userId) {
        return byPerson.containsKey(userId);
    }

    void deliver(LiveEvent event) {
        Listeners listeners = byPerson.get(event.userId());
        if (listeners != null) {
            listeners.sink().emitNext(event, Sinks.EmitFailureHandler.busyLooping(CONTENDED));
        }
    }

    Flux<LiveEvent> of(String userId) {
        return Flux.defer(() -> byPerson.compute(
                                userId,
                                (person, listeners) -> listeners == null
                                        ? new Listeners(Sinks.many().multicast().directBestEffort(), 1)
                                        : listeners.plusOne())
                        .sink()
                        .asFlux()
                        .doFinally(signal -> byPerson.computeIfPresent(
                                userId,
                                (person, listeners) -> listeners.count() == 1
                                        ? null
                                        : new Listeners(listeners.sink(), listeners.count() - 1))))
                .onBackpressureBuffer(maxQueued, BufferOverflowStrategy.ERROR)
                .publishOn(workers);
    }
}
