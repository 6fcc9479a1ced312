package app.brainbuddy.session;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.user.CurrentUser;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The two ways a rating reaches the store, {@code rateSession} and {@code recordSessions}, and the
 * {@link SessionRatingListener}s told of each accepted one.
 */
@Service
class SessionRatings {

    private final SessionSync sync;
    private final SessionStore store;
    private final ObjectProvider<SessionRatingListener> listeners;
    private final CurrentUser currentUser;

    SessionRatings(
            SessionSync sync,
            SessionStore store,
            ObjectProvider<SessionRatingListener> listeners,
            CurrentUser currentUser) {
        this.sync = sync;
        this.store = store;
        this.listeners = listeners;
        this.currentUser = currentUser;
    }

    /**
     * Stores a device's past sessions; the personal model hears of every rated one, also those a lost reply's retry
     * finds stored already (it learns each session's rating once, however often it hears of it).
     */
    List<TrainingSession> record(List<RecordSessionInput> input) {
        List<TrainingSession> sessions = sync.record(currentUser.requireAccount(), input);
        List<TrainingSession> rated =
                sessions.stream().filter(TrainingSession::rated).toList();
        if (!rated.isEmpty()) {
            tellListeners(rated);
        }
        return sessions;
    }

    /** Rates one of the caller's sessions; a new rating replaces the old one. */
    TrainingSession rate(RateSessionInput input) {
        String userId = currentUser.requireAccount();
        TrainingSession rated = store.rate(userId, input);
        if (rated == null) {
            throw ApiException.notFound("Session", input.sessionId());
        }
        tellListeners(List.of(rated));
        return rated;
    }

    private void tellListeners(List<TrainingSession> rated) {
        listeners.orderedStream().forEach(listener -> listener.rated(rated));
    }
}
