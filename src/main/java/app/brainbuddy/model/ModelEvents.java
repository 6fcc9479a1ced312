package app.brainbuddy.model;

import app.brainbuddy.live.LiveEvents;
import app.brainbuddy.live.Topic;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.Scope;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The personal model's status after a rating, announced to its owner's subscribers by {@link ModelTraining} once it has
 * learned the rating (or failed to); and what they receive.
 */
@Component
class ModelEvents {

    private final LiveEvents live;
    private final UserModelRepository models;
    private final CurrentUser currentUser;

    ModelEvents(LiveEvents live, UserModelRepository models, CurrentUser currentUser) {
        this.live = live;
        this.models = models;
        this.currentUser = currentUser;
    }

    /**
     * Announces the user's model: the status the training has just written, or when it wrote none (the model held
     * the ratings already, or the training failed) the stored one, read only when someone is listening.
     */
    void announce(String userId, @Nullable ModelStatus written) {
        live.publish(
                userId,
                Topic.MODEL,
                () -> written != null
                        ? written
                        : models.findByUserIdIn(List.of(userId)).stream()
                                .findFirst()
                                .orElse(null));
    }

    /** The caller's model as it learns, from now on. */
    Flux<ModelStatus> changes() {
        return live.of(currentUser.requireShared(Scope.MODEL_READ), Topic.MODEL, ModelStatus.class);
    }
}
