package app.brainbuddy.limit;

import app.brainbuddy.graphql.ApiException;
import java.time.Clock;
import java.time.Duration;

/**
 * At most {@code max} of something per key in each fixed window ({@code period}), counted in
 * {@link CounterStore}. A refusal is a FORBIDDEN that says when the window ends, also as the {@code
 * retryAfterSeconds} extension. A fixed window lets up to twice {@code max} through around a window's
 * end; in exchange one counter document per key and window is all it takes.
 */
public final class WindowLimit {

    private final String name;
    private final long max;
    private final Duration period;
    private final CounterStore counters;
    private final Clock clock;
    private final String refusal;

    /** {@code refusal} says what was refused ("Too many login attempts for this email"). */
    public WindowLimit(String name, long max, Duration period, CounterStore counters, Clock clock, String refusal) {
        this.name = name;
        this.max = max;
        this.period = period;
        this.counters = counters;
        this.clock = clock;
        this.refusal = refusal;
    }

    /** Counts one for this key, or refuses it. */
    public void take(String key) {
        take(key, 1);
    }

    /** Counts {@code amount} for this key, or refuses all of it (and counts none) when that would pass the limit. */
    public void take(String key, long amount) {
        CounterStore.Count count = counters.add(name, key, period, amount);
        if (count.count() > max) {
            counters.add(name, key, period, -amount);
            long millis = Duration.between(clock.instant(), count.windowEnd()).toMillis();
            long seconds = Math.max(1, (millis + 999) / 1000);
            throw ApiException.forbidden("%s (at most %d per %s); try again in %d %s"
                            .formatted(refusal, max, describe(period), seconds, seconds == 1 ? "second" : "seconds"))
                    .retryAfter(seconds);
        }
    }

    /** Gives back an amount that turned out not to count. */
    public void giveBack(String key, long amount) {
        counters.add(name, key, period, -amount);
    }

    private static String describe(Duration period) {
        if (period.equals(Duration.ofDays(1))) {
            return "day (UTC)";
        }
        if (period.toHours() > 0 && period.equals(Duration.ofHours(period.toHours()))) {
            return period.toHours() == 1 ? "hour" : period.toHours() + " hours";
        }
        if (period.toMinutes() > 0 && period.equals(Duration.ofMinutes(period.toMinutes()))) {
            return period.toMinutes() == 1 ? "minute" : period.toMinutes() + " minutes";
        }
        return period.toSeconds() + " seconds";
    }
}
