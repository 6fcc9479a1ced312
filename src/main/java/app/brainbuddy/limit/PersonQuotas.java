package app.brainbuddy.limit;

import app.brainbuddy.graphql.PersonLimits;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The per-person rates of {@link PersonLimits}, counted in MongoDB so that they hold across
 * instances: sessions started and sessions synced per UTC day, and expensive requests per window.
 */
@Component
public class PersonQuotas {

    private static final Duration DAY = Duration.ofDays(1);

    private final WindowLimit sessions;
    private final WindowLimit synced;
    private final WindowLimit expensive;

    PersonQuotas(PersonLimits limits, CounterStore counters, Clock clock) {
        this.sessions = new WindowLimit(
                "sessions", limits.sessionsPerDay(), DAY, counters, clock, "Too many sessions started today");
        this.synced = new WindowLimit(
                "synced", limits.syncedSessionsPerDay(), DAY, counters, clock, "Too many sessions recorded today");
        this.expensive = new WindowLimit(
                "expensive",
                limits.expensivePerWindow(),
                limits.window(),
                counters,
                clock,
                "Too many costly requests (estimated cost " + limits.expensiveCost() + " or more)");
    }

    /** Counts a session this person starts, or refuses it. */
    public void startSession(String userId) {
        sessions.take(userId);
    }

    /** Counts the sessions of one sync (retried items count again), or refuses them all. */
    public void recordSessions(String userId, int items) {
        synced.take(userId, items);
    }

    /** Counts an expensive request of this person, or refuses it. */
    void expensiveRequest(String userId) {
        expensive.take(userId);
    }
}
