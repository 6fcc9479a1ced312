package app.brainbuddy.habit;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/** Successful attempts in a row up to the latest one ({@code current}) and the longest such run ({@code best}). */
record HabitStreaks(int current, int best) {

    /** Attempts in the order they happened; two at the same instant in the order of their ids, so every replica agrees. */
    private static final Comparator<Map.Entry<String, LoggedAttempt>> IN_TIME =
            Comparator.<Map.Entry<String, LoggedAttempt>, Instant>comparing(
                            entry -> entry.getValue().occurredAt())
                    .thenComparing(Map.Entry::getKey);

    /** These streaks continued by the logged attempts (keyed by client id), which all happened later. */
    HabitStreaks after(Map<String, LoggedAttempt> log) {
        int run = current;
        int longest = Math.max(best, current);
        for (LoggedAttempt attempt :
                log.entrySet().stream().sorted(IN_TIME).map(Map.Entry::getValue).toList()) {
            run = attempt.success() ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return new HabitStreaks(run, longest);
    }
}
