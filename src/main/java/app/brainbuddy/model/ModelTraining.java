package app.brainbuddy.model;

import app.brainbuddy.auth.CurrentUser;
import app.brainbuddy.session.SessionRatingListener;
import app.brainbuddy.session.TrainingSession;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Each accepted rating is one training step of the rater's model. Concurrent ratings from two devices
 * both count: a step written on a model that changed meanwhile is redone on the new one.
 */
@Component
class ModelTraining implements SessionRatingListener {

    static final int MAX_ROUNDS = 100;

    private final ModelStore store;
    private final ModelPriors priors;
    private final CurrentUser currentUser;

    ModelTraining(ModelStore store, ModelPriors priors, CurrentUser currentUser) {
        this.store = store;
        this.priors = priors;
        this.currentUser = currentUser;
    }

    @Override
    public void rated(TrainingSession session) {
        Integer rating = session.userRating();
        if (rating == null) {
            return;
        }
        double[] features =
                SessionContext.of(session, currentUser.user().chronotype()).features();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<UserModel> stored = store.find(session.userId());
            boolean written = stored.isPresent()
                    ? store.advance(stored.get(), store.posterior(stored.get()).learn(features, rating))
                    : store.create(session.userId(), priors.prior().learn(features, rating));
            if (written) {
                return;
            }
        }
        throw new IllegalStateException("the model of user " + session.userId() + " kept changing; step not stored");
    }
}
