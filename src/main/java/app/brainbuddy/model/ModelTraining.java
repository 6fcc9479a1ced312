package app.brainbuddy.model;

import app.brainbuddy.session.SessionRatingListener;
import app.brainbuddy.session.SessionService;
import app.brainbuddy.session.TrainingSession;
import app.brainbuddy.user.Chronotype;
import app.brainbuddy.user.CurrentUser;
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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The learning loop. The user's rated sessions are the source of truth and the model is derived from them: one
 * operation, {@link #sync}, reads the stored model and the stored ratings, and when the model does not hold exactly
 * those ratings (or there is none, or it is unusable) rebuilds it from the prior and the ratings, oldest first, and
 * writes it. Every stored rating triggers it, so a retried sync, a replay or a re-rating lands exactly once, and a
 * rating whose model update failed (the rating itself is answered as stored) is learned by the next one. A model that
 * no key can read, of an older format, or tampered with is rebuilt the same way, from the prior. Ratings of sessions
 * newer than all the model holds are learned on top of it instead, which gives the rebuild's bits without redoing it
 * ({@link PersonalModel#continued}). After a rating the model is announced ({@link ModelEvents}).
 */
@Component
class ModelTraining implements SessionRatingListener {

    static final int MAX_ROUNDS = 100;

    private final ModelStore store;
    private final ModelPriors priors;
    private final SessionService sessions;
    private final UserService users;
    private final ModelMetrics metrics;
    private final ModelSettings settings;
    private final CurrentUser currentUser;
    private final ModelEvents events;

    /** Users whose last sync failed on this instance: their next recommendation catches up first. */
    private final Set<String> behind = ConcurrentHashMap.newKeySet();

    ModelTraining(
            ModelStore store,
            ModelPriors priors,
            SessionService sessions,
            UserService users,
            ModelMetrics metrics,
            ModelSettings settings,
            CurrentUser currentUser,
            ModelEvents events) {
        this.store = store;
        this.priors = priors;
        this.sessions = sessions;
        this.users = users;
        this.metrics = metrics;
        this.settings = settings;
        this.currentUser = currentUser;
        this.events = events;
    }

    /**
     * The ratings are stored already: a failure here is counted and caught up later, never the caller's error. The
     * model is announced either way, after the training: the status just written, or the stored one.
     */
    @Override
    public void rated(List<TrainingSession> rated) {
        String userId = rated.get(0).userId();
        ModelStatus written = null;
        try {
            written = synced(userId, rated.stream().map(TrainingSession::id).collect(Collectors.toSet()))
                    .written();
        } catch (RuntimeException e) {
            behind.add(userId);
            metrics.deferred(userId, rated.size(), e);
        }
        events.announce(userId, written);
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
        return synced(userId, announced).model();
    }

    /** A synced model, and its status as written when the sync wrote it. */
    private record Synced(PersonalModel model, @Nullable ModelStatus written) {}

    private Synced synced(String userId, Set<String> announced) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<ModelStore.Stored> stored = store.find(userId);
            ModelStore.Read read = stored.map(store::read).orElse(new ModelStore.Read(null, null));
            List<TrainingSession> rated = sessions.ratedSessionsOf(userId);
            Optional<Chronotype> chronotype = chronotypeOf(userId);
            if (chronotype.isEmpty()) {
                // the account is gone; so are its model and sessions
                return new Synced(PersonalModel.from(priors.prior()), null);
            }
            Map<String, Integer> ratings = rated.stream()
                    .collect(Collectors.toMap(
                            TrainingSession::id, session -> Objects.requireNonNull(session.userRating())));
            PersonalModel held = read.model();
            boolean unchanged = held != null ? held.holds(ratings) : stored.isEmpty() && ratings.isEmpty();
            PersonalModel model = unchanged
                    ? (held != null ? held : PersonalModel.from(priors.prior()))
                    : learned(held, rated, chronotype.get());
            long caughtUp = ratings.entrySet().stream()
                    .filter(entry -> !announced.contains(entry.getKey()))
                    .filter(entry -> held == null
                            || !entry.getValue().equals(held.learned().get(entry.getKey())))
                    .count();
            Optional<ModelStatus> written =
                    unchanged ? Optional.empty() : store.write(userId, stored.orElse(null), model);
            if (unchanged || written.isPresent()) {
                if (read.problem() != null) {
                    metrics.rebuilt(read.problem(), userId, model.steps());
                } else if (caughtUp > 0) {
                    metrics.caughtUp((int) caughtUp);
                }
                behind.remove(userId);
                return new Synced(model, written.orElse(null));
            }
        }
        throw new IllegalStateException("the model of user " + userId + " kept changing; ratings not learned yet");
    }

    /**
     * The model of these rated sessions: the held one with the newer ratings learned on top when that is exact (see
     * {@link PersonalModel#continued}), rebuilt otherwise.
     */
    private PersonalModel learned(@Nullable PersonalModel held, List<TrainingSession> rated, Chronotype chronotype) {
        RatingPosterior prior = priors.prior();
        double keep = settings.keep();
        long basis = PersonalModel.basis(prior, keep, chronotype);
        List<PersonalModel.Rated> oldestFirst = inLearningOrder(rated).stream()
                .map(session -> new PersonalModel.Rated(
                        session.id(),
                        SessionContext.of(session, chronotype).features(),
                        Objects.requireNonNull(session.userRating())))
                .toList();
        return Optional.ofNullable(held)
                .flatMap(model -> model.continued(prior, oldestFirst, keep, basis))
                .orElseGet(() -> PersonalModel.rebuild(prior, oldestFirst, keep, basis));
    }

    /**
     * The owner's chronotype: from the account this request has read already when the owner is the caller (a
     * rating, a recommendation), read here otherwise (re-encryption at start-up); empty once the account is gone.
     */
    private Optional<Chronotype> chronotypeOf(String userId) {
        return currentUser.ownAccount(userId).or(() -> users.findById(userId)).map(User::chronotype);
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
