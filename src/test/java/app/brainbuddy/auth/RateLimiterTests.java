package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.brainbuddy.graphql.ApiException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

class RateLimiterTests {

    private final TestClock clock = new TestClock();

    @Test
    void letsTheAttemptsThroughAtOnceThenRefusesSayingWhenTheNextOneIsAllowed() {
        RateLimiter limiter = exhausted(5, "ana");

        assertThatThrownBy(() -> limiter.take("ana")).isInstanceOfSatisfying(ApiException.class, refused -> {
            assertThat(refused.errorType()).isEqualTo(ErrorType.FORBIDDEN);
            assertThat(refused.getMessage()).isEqualTo("Too many tries; try again in 12 seconds");
            assertThat(refused.extensions()).isEqualTo(Map.of("retryAfterSeconds", 12L));
        });
    }

    @Test
    void refillsEvenlyOverThePeriod() {
        RateLimiter limiter = exhausted(5, "ana");

        clock.advance(Duration.ofSeconds(11));
        assertThatThrownBy(() -> limiter.take("ana")).hasMessageEndingWith("try again in 1 second");
        clock.advance(Duration.ofSeconds(1));
        limiter.take("ana");
        assertThatThrownBy(() -> limiter.take("ana")).hasMessageEndingWith("try again in 12 seconds");
    }

    @Test
    void theWaitIsRoundedUpToWholeSeconds() {
        RateLimiter limiter = exhausted(8, "ana");

        assertThatThrownBy(() -> limiter.take("ana")).hasMessageEndingWith("try again in 8 seconds");
    }

    @Test
    void anAttemptGivenBackCanBeUsedAgain() {
        RateLimiter limiter = exhausted(5, "ana");

        limiter.giveBack("ana");

        assertThatNoException().isThrownBy(() -> limiter.take("ana"));
        assertThatThrownBy(() -> limiter.take("ana")).isInstanceOf(ApiException.class);
    }

    @Test
    void eachKeyHasAttemptsOfItsOwn() {
        RateLimiter limiter = exhausted(5, "ana");

        assertThatNoException().isThrownBy(() -> limiter.take("bob"));
    }

    /** A limiter of this many attempts a minute, all of them used up by this key. */
    private RateLimiter exhausted(int attemptsPerMinute, String key) {
        RateLimiter limiter = new RateLimiter(
                new RateLimitSettings.Limit(attemptsPerMinute, Duration.ofMinutes(1)), 100, clock, "Too many tries");
        for (int i = 0; i < attemptsPerMinute; i++) {
            limiter.take(key);
        }
        return limiter;
    }
}
