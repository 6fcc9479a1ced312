package app.brainbuddy.limit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refused requests per bearer token, counted in this instance's memory, and the tokens cooling down
 * because of them. Per instance on purpose: the door must answer without a database command (a
 * shared counter would cost one per refusal, the very work a flood of refusals should not get), and
 * each replica protects its own CPU. Keyed by the token's text, which the door reads without
 * verifying anything: only a verified request is counted, so a forged token can never cool down
 * another's, and a person's other devices keep their own tokens.
 */
@Component
class CoolDowns {

    private static final String BEARER = "Bearer ";

    private final CoolDownSettings settings;
    private final Clock clock;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    /** Refusals since {@code windowStart}; the token is refused at the door until {@code coolUntil}. */
    private record Count(long windowStart, int refusals, long coolUntil) {}

    CoolDowns(CoolDownSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts a refused request of this token; the one that reaches the limit starts its cool-down. */
    void refused(String token) {
        long now = clock.millis();
        if (counts.size() >= settings.tokens() && !counts.containsKey(token)) {
            forgetEnded(now);
            if (counts.size() >= settings.tokens()) {
                return; // full of tokens still counting: a new one is not counted rather than memory grown
            }
        }
        long window = settings.window().toMillis();
        counts.compute(token, (key, count) -> {
            Count current = count == null || now - count.windowStart() >= window
                    ? new Count(now, 0, count == null ? 0 : count.coolUntil())
                    : count;
            int refusals = current.refusals() + 1;
            return refusals < settings.refusals()
                    ? new Count(current.windowStart(), refusals, current.coolUntil())
                    : new Count(now, 0, now + settings.length().toMillis()); // counting starts afresh
        });
    }

    /** Milliseconds this token still cools down for; 0 when it may come in. */
    long remaining(String token) {
        Count count = counts.get(token);
        return count == null ? 0 : Math.max(0, count.coolUntil() - clock.millis());
    }

    /** The bearer token of an {@code Authorization} header, as the door and the count both key it. */
    static @Nullable String token(@Nullable String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : null;
    }

    private void forgetEnded(long now) {
        counts.values()
                .removeIf(count -> count.coolUntil() <= now
                        && now - count.windowStart() >= settings.window().toMillis());
    }
}
