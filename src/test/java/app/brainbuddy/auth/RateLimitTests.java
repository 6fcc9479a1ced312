package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Brute-force protection over HTTP, in an application context of its own with tight limits and a
 * clock that moves only when told: logins 3 per minute per email and 8 per address, sign-ups 2 per
 * hour per email and 4 per address. Every request comes from the same address.
 */
class RateLimitTests extends GraphQlIntegrationTest {

    @DynamicPropertySource
    static void tightLimits(DynamicPropertyRegistry properties) {
        properties.add("brainbuddy.security.rate-limit.login.per-email.attempts", () -> 3);
        properties.add("brainbuddy.security.rate-limit.login.per-email.period", () -> "1m");
        properties.add("brainbuddy.security.rate-limit.login.per-address.attempts", () -> 8);
        properties.add("brainbuddy.security.rate-limit.login.per-address.period", () -> "1m");
        properties.add("brainbuddy.security.rate-limit.register.per-email.attempts", () -> 2);
        properties.add("brainbuddy.security.rate-limit.register.per-email.period", () -> "1h");
        properties.add("brainbuddy.security.rate-limit.register.per-address.attempts", () -> 4);
        properties.add("brainbuddy.security.rate-limit.register.per-address.period", () -> "1h");
    }

    @TestConfiguration
    static class StandingClock {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @Autowired
    private TestClock clock;

    /** At the start of the next UTC day every window starts afresh, so each test does too. */
    @BeforeEach
    void startAfresh() {
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1))));
    }

    @Test
    void afterTooManyFailedLoginsTheEmailIsRefusedSayingWhenToRetryEvenWithTheRightPassword() {
        SignedIn user = signUp();
        for (int i = 0; i < 3; i++) {
            assertSingleError(login(user.email(), "wrong password!"), ErrorType.UNAUTHORIZED);
        }

        assertRefused(
                login(user.email(), PASSWORD),
                "Too many login attempts for this email (at most 3 per minute); try again in 60 seconds",
                60);
        assertRefused(
                login(" " + user.email().toUpperCase(), PASSWORD),
                "Too many login attempts for this email (at most 3 per minute); try again in 60 seconds",
                60);
    }

    @Test
    void aRefusedEmailLogsInAgainOnceTheRetryTimeHasPassed() {
        SignedIn user = signUp();
        for (int i = 0; i < 3; i++) {
            login(user.email(), "wrong password!");
        }
        assertRefused(
                login(user.email(), PASSWORD),
                "Too many login attempts for this email (at most 3 per minute); try again in 60 seconds",
                60);

        clock.advance(Duration.ofSeconds(59));
        assertRefused(
                login(user.email(), PASSWORD),
                "Too many login attempts for this email (at most 3 per minute); try again in 1 second",
                1);
        clock.advance(Duration.ofSeconds(1));
        assertLogsIn(user);
    }

    @Test
    void oneEmailsLimitLeavesOtherEmailsAlone() {
        SignedIn attacked = signUp();
        SignedIn other = signUp();
        for (int i = 0; i < 4; i++) {
            login(attacked.email(), "wrong password!");
        }

        assertLogsIn(other);
    }

    @Test
    void successfulLoginsDoNotCount() {
        SignedIn user = signUp();
        for (int i = 0; i < 10; i++) {
            assertLogsIn(user);
        }

        assertSingleError(login(user.email(), "wrong password!"), ErrorType.UNAUTHORIZED);
    }

    @Test
    void tooManyFailedLoginsFromOneAddressAreRefusedWhateverTheEmail() {
        for (int i = 0; i < 8; i++) {
            assertSingleError(
                    login("nobody" + i + "-" + System.nanoTime() + "@brainbuddy.test", PASSWORD),
                    ErrorType.UNAUTHORIZED);
        }

        assertRefused(
                login("somebody-" + System.nanoTime() + "@brainbuddy.test", PASSWORD),
                "Too many login attempts from this address (at most 8 per minute); try again in 60 seconds",
                60);
    }

    @Test
    void tooManySignUpsFromOneAddressAreRefusedAndCreateNoAccount() {
        for (int i = 0; i < 4; i++) {
            signUp();
        }
        long users = count("users");

        assertRefused(
                register("newcomer-" + System.nanoTime() + "@brainbuddy.test"),
                "Too many sign-ups from this address (at most 4 per hour); try again in 3600 seconds",
                3600);
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void repeatedSignUpsWithOneEmailAreRefused() {
        String email = "twice-" + System.nanoTime() + "@brainbuddy.test";
        signUp(email);
        assertSingleError(register(email), ErrorType.BAD_REQUEST);

        assertRefused(
                register(email),
                "Too many sign-ups for this email (at most 2 per hour); try again in 3600 seconds",
                3600);
    }

    private GraphQlTester.Response login(String email, String password) {
        return anonymous()
                .documentName("login")
                .variable("input", Map.of("email", email, "password", password))
                .execute();
    }

    private void assertLogsIn(SignedIn user) {
        login(user.email(), PASSWORD).path("login.user.id").entity(String.class).isEqualTo(user.id());
    }

    private GraphQlTester.Response register(String email) {
        return anonymous()
                .documentName("register")
                .variable("input", Map.of("email", email, "password", PASSWORD, "chronotype", "BEAR"))
                .execute();
    }

    private static void assertRefused(GraphQlTester.Response response, String message, int retryAfterSeconds) {
        assertSingleError(response, ErrorType.FORBIDDEN);
        response.errors().satisfy(errors -> {
            ResponseError error = errors.get(0);
            assertThat(error.getMessage()).isEqualTo(message);
            assertThat(error.getExtensions()).containsEntry("retryAfterSeconds", retryAfterSeconds);
        });
    }
}
