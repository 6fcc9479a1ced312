package app.brainbuddy.live;

import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * Events that reach the subscribers of this process only: right for the embedded database, which
 * serves one instance and has no change streams.
 */
final class InProcessEvents implements LiveEvents {

    private final LocalDelivery delivery;

    InProcessEvents(LocalDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void publish(String userId, Topic topic, Supplier<?> payload) {
        if (delivery.listening(userId)) {
            Object value = payload.get();
            if (value != null) {
                delivery.deliver(new LiveEvent(userId, topic, value));
            }
        }
    }

    @Override
    public Flux<LiveEvent> of(String userId) {
        return delivery.of(userId);
    }
}
