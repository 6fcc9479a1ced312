package app.brainbuddy.session;

import java.util.List;

/**
 * Told of every stored rating after it is stored: from {@code rateSession} (re-ratings included) one
 * at a time, and from {@code recordSessions} all the rated sessions of the batch at once, also those a
 * retry finds already stored. A listener must therefore be idempotent, and must not fail the caller:
 * the rating is stored. The personal model learns through this seam.
 */
public interface SessionRatingListener {

    /** Rated sessions of one user, in the order they were accepted; never empty. */
    void rated(List<TrainingSession> sessions);
}
