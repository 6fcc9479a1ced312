package app.brainbuddy.session;

/**
 * Told of every accepted rating, once, after it is stored: from {@code rateSession} (re-ratings
 * included) and from rated sessions that {@code recordSessions} newly stored. The personal model
 * learns through this seam.
 */
public interface SessionRatingListener {

    void rated(TrainingSession session);
}
