package app.brainbuddy.model;

import app.brainbuddy.live.LiveEvents;
import app.brainbuddy.live.Topic;
import app.brainbuddy.session.SessionRatingListener;
import app.brainbuddy.session.TrainingSession;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.Scope;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The personal model's status after a rating, announced to its owner's subscribers (after
 * {@link ModelTraining} has learned it, hence the order); and what they receive.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ModelEvents implements SessionRatingListener {

    private final LiveEvents live;
    private final UserModelRepository models;
    private final CurrentUser currentUser;

    ModelEvents(LiveEvents live, UserModelRepository models, CurrentUser currentUser) {
        this.live = live;
        this.models = models;
        this.currentUser = currentUser;
    }

    @Override
    public void rated(List<TrainingSession> sessions) {
        String userId = sessions.get(0).userId();
        live.publish(
                userId,
                Topic.MODEL,
                () -> models.findByUserIdIn(List.of(userId)).stream()
                        .findFirst()
                        .orElse(null));
    }

    /** The caller's model as it learns, from now on. */
    Flux<ModelStatus> changes() {
        return live.of(currentUser.requireShared(Scope.MODEL_READ), Topic.MODEL, ModelStatus.class);
    }
}
