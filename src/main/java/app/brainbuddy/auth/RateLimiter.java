package app.brainbuddy.auth;

import app.brainbuddy.graphql.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * One limit over many keys (emails, say): a token bucket per key. The buckets live in this
 * instance's memory, in a cache bounded in size that forgets a key once its bucket would be full
 * again anyway. Instances behind a load balancer would each count on their own; counting together
 * needs a shared store, such as Bucket4j's Redis or JDBC back ends.
 */
final class RateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String refusal;
    private final Bandwidth bandwidth;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    /** {@code refusal} says what was refused ("Too many login attempts for this email"). */
    RateLimiter(RateLimitSettings.Limit limit, int maxKeys, Clock clock, String refusal) {
        this.refusal = refusal;
        this.bandwidth = Bandwidth.builder()
                .capacity(limit.attempts())
                .refillGreedy(limit.attempts(), limit.period())
                .build();
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(limit.period())
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** Counts an attempt for this key, or refuses it, saying when the next one will be let through. */
    void take(String key) {
        ConsumptionProbe probe = buckets.get(key, this::newBucket).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
            throw ApiException.forbidden(
                            refusal + "; try again in " + seconds + (seconds == 1 ? " second" : " seconds"))
                    .withExtension("retryAfterSeconds", seconds);
        }
    }

    /** Gives back an attempt that turned out not to count. */
    void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Bucket newBucket(String key) {
        return Bucket.builder()
                .addLimit(bandwidth)
                .withCustomTimePrecision(time)
                .build();
    }

    /** The application's clock, so that tests can move time on. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
