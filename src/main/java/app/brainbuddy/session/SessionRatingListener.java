package app.brainbuddy.session;

import java.util.List;

/**
 * Told of every accepted rating, once, after it is stored: from {@code rateSession} (re-ratings
 * included) one at a time, and from {@code recordSessions} all the rated sessions it newly stored at
 * once. The personal model learns through this seam.
 */
public interface SessionRatingListener {

    /** Rated sessions of one user, in the order they were accepted; never empty. */
    void rated(List<TrainingSession> sessions);
}
