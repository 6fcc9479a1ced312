package app.brainbuddy.live;

import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * The one interface between the features that change a person's data and the subscriptions that
 * watch it. Two implementations, chosen at start ({@link LiveEventsConfiguration}): in this process
 * only ({@link InProcessEvents}: the embedded database, a single instance), or through MongoDB's
 * change streams ({@link ChangeStreamEvents}: a replica set or Atlas, any number of instances).
 */
public interface LiveEvents {

    /**
     * Announces a change that is stored already. The payload is made only when someone may be
     * listening, and a payload of null announces nothing; with change streams the database announces the write itself, so this does nothing.
     */
    void publish(String userId, Topic topic, Supplier<?> payload);

    /** The person's events from now on, on a thread of their own (never the publisher's). */
    Flux<LiveEvent> of(String userId);

    /** The person's events of one topic, as the topic's payload type. */
    default <T> Flux<T> of(String userId, Topic topic, Class<T> type) {
        return of(userId).filter(event -> event.topic() == topic).map(event -> type.cast(event.payload()));
    }
}
