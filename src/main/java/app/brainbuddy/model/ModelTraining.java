package app.brainbuddy.model;

import app.brainbuddy.auth.CurrentUser;
import app.brainbuddy.session.SessionRatingListener;
import app.brainbuddy.session.TrainingSession;
import app.brainbuddy.user.Chronotype;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Each accepted rating is one training step of the rater's model; a synced batch is learned in one
 * write that counts all its steps. Concurrent ratings from two devices all count: steps written on a
 * model that changed meanwhile are redone on the new one.
 */
@Component
class ModelTraining implements SessionRatingListener {

    static final int MAX_ROUNDS = 100;

    private final ModelStore store;
    private final ModelPriors priors;
    private final CurrentUser currentUser;
    private final ModelSettings settings;

    ModelTraining(ModelStore store, ModelPriors priors, CurrentUser currentUser, ModelSettings settings) {
        this.store = store;
        this.priors = priors;
        this.currentUser = currentUser;
        this.settings = settings;
    }

    @Override
    public void rated(List<TrainingSession> sessions) {
        String userId = sessions.get(0).userId();
        Chronotype chronotype = currentUser.user().chronotype();
        List<Rating> ratings = sessions.stream()
                .map(session -> new Rating(
                        SessionContext.of(session, chronotype).features(),
                        Objects.requireNonNull(session.userRating())))
                .toList();
        RatingPosterior prior = priors.prior();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<UserModel> stored = store.find(userId);
            boolean written = stored.isPresent()
                    ? store.advance(stored.get(), learn(store.posterior(stored.get()), prior, ratings), ratings.size())
                    : store.create(userId, learn(prior, prior, ratings), ratings.size());
            if (written) {
                return;
            }
        }
        throw new IllegalStateException("the model of user " + userId + " kept changing; ratings not learned");
    }

    private RatingPosterior learn(RatingPosterior posterior, RatingPosterior prior, List<Rating> ratings) {
        RatingPosterior learned = posterior;
        for (Rating rating : ratings) {
            learned = learned.discounted(settings.keep(), prior).learn(rating.features(), rating.value());
        }
        return learned;
    }

    /** One rating as the model learns it. */
    private record Rating(double[] features, int value) {}
}
