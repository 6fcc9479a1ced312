package app.brainbuddy.model;

import app.brainbuddy.session.SessionRatingListener;
import app.brainbuddy.session.SessionService;
import app.brainbuddy.session.TrainingSession;
import app.brainbuddy.user.Chronotype;
import app.brainbuddy.user.User;
import app.brainbuddy.user.UserService;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The learning loop. The user's rated sessions are the source of truth and the model is derived from them: one
 * operation, {@link #sync}, reads the stored model and the stored ratings, and when the model does not hold exactly
 * those ratings (or there is none, or it is unusable) rebuilds it from the prior and the ratings, oldest first, and
 * writes it. Every stored rating triggers it, so a retried sync, a replay or a re-rating lands exactly once, and a
 * rating whose model update failed (the rating itself is answered as stored) is learned by the next one. A model that
 * no key can read, of an older format, or tampered with is rebuilt the same way, from the prior.
 */
@Component
// first of the rating listeners: ModelEvents announces what this has learned
@Order(0)
class ModelTraining implements SessionRatingListener {

    static final int MAX_ROUNDS = 100;

    private final ModelStore store;
    private final ModelPriors priors;
    private final SessionService sessions;
    private final UserService users;
    private final ModelMetrics metrics;
    private final ModelSettings settings;

    /** Users whose last sync failed on this instance: their next recommendation catches up first. */
    private final Set<String> behind = ConcurrentHashMap.newKeySet();

    ModelTraining(
            ModelStore store,
            ModelPriors priors,
            SessionService sessions,
            UserService users,
            ModelMetrics metrics,
            ModelSettings settings) {
        this.store = store;
        this.priors = priors;
        this.sessions = sessions;
        this.users = users;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** The ratings are stored already: a failure here is counted and caught up later, never the caller's error. */
    @Override
    public void rated(List<TrainingSession> rated) {
        String userId = rated.get(0).userId();
        try {
            sync(userId, rated.stream().map(TrainingSession::id).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            behind.add(userId);
            metrics.deferred(userId, rated.size(), e);
        }
    }

    /** The model to recommend from: the stored one, or caught up or rebuilt first if it needs that. */
    PersonalModel modelOf(String userId) {
        if (!behind.contains(userId)) {
            Optional<ModelStore.Stored> stored = store.find(userId);
            if (stored.isEmpty()) {
                return PersonalModel.from(priors.prior());
            }
            PersonalModel model = store.read(stored.get()).model();
            if (model != null) {
                return model;
            }
        }
        return sync(userId, Set.of());
    }

    /**
     * Brings the user's stored model in line with their stored ratings and returns it. {@code announced} are the
     * sessions whose ratings the caller has just stored; any other rating learned here is a catch-up.
     */
    PersonalModel sync(String userId, Set<String> announced) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<ModelStore.Stored> stored = store.find(userId);
            ModelStore.Read read = stored.map(store::read).orElse(new ModelStore.Read(null, null));
            List<TrainingSession> rated = sessions.ratedSessionsOf(userId);
            Optional<Chronotype> chronotype = users.findById(userId).map(User::chronotype);
            if (chronotype.isEmpty()) {
                return PersonalModel.from(priors.prior()); // the account is gone; so are its model and sessions
            }
            Map<String, Integer> ratings = rated.stream()
                    .collect(Collectors.toMap(
                            TrainingSession::id, session -> Objects.requireNonNull(session.userRating())));
            PersonalModel held = read.model();
            boolean unchanged = held != null ? held.holds(ratings) : stored.isEmpty() && ratings.isEmpty();
            PersonalModel model = unchanged
                    ? (held != null ? held : PersonalModel.from(priors.prior()))
                    : PersonalModel.rebuild(
                            priors.prior(),
                            inLearningOrder(rated).stream()
                                    .map(session -> new PersonalModel.Rated(
                                            session.id(),
                                            SessionContext.of(session, chronotype.get())
                                                    .features(),
                                            ratings.get(session.id())))
                                    .toList(),
                            settings.keep());
            long caughtUp = ratings.entrySet().stream()
                    .filter(entry -> !announced.contains(entry.getKey()))
                    .filter(entry -> held == null
                            || !entry.getValue().equals(held.learned().get(entry.getKey())))
                    .count();
            if (unchanged || store.write(userId, stored.orElse(null), model)) {
                if (read.problem() != null) {
                    metrics.rebuilt(read.problem(), userId, model.steps());
                } else if (caughtUp > 0) {
                    metrics.caughtUp((int) caughtUp);
                }
                behind.remove(userId);
                return model;
            }
        }
        throw new IllegalStateException("the model of user " + userId + " kept changing; ratings not learned yet");
    }

    /**
     * The rated sessions oldest first (by when they took place, then id), so that older ratings fade more and two
     * rebuilds from the same ratings are the same bits.
     */
    private static List<TrainingSession> inLearningOrder(List<TrainingSession> rated) {
        return rated.stream()
                .sorted(Comparator.comparing(TrainingSession::timestamp).thenComparing(TrainingSession::id))
                .toList();
    }
}
