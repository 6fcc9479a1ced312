package app.brainbuddy.limit;

import static app.brainbuddy.TwoReplicas.client;
import static app.brainbuddy.TwoReplicas.register;
import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.TwoReplicas;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the server on one database, as two replicas behind a load balancer (see
 * TwoReplicas). Attempts and per-person counts made on either count against the same limits.
 */
class SharedLimitsTests {

    private static TwoReplicas replicas;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        replicas = TwoReplicas.start(Map.of(
                "brainbuddy.security.rate-limit.login.per-email.attempts", 3,
                "brainbuddy.person.sessions-per-day", 3));
        first = replicas.first();
        second = replicas.second();
    }

    @AfterAll
    static void stop() {
        replicas.close();
    }

    @Test
    void failedLoginsOnEitherInstanceCountTogether() {
        String email = "shared-" + System.nanoTime() + "@brainbuddy.test";
        register(first, email);
        login(first, email, "wrong password!")
                .errors()
                .satisfy(errors -> assertThat(errors).hasSize(1));
        login(second, email, "wrong password!")
                .errors()
                .satisfy(errors -> assertThat(errors).hasSize(1));
        login(first, email, "wrong password!")
                .errors()
                .satisfy(errors -> assertThat(errors).hasSize(1));

        login(second, email, "correct horse battery staple")
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage())
                                .startsWith("Too many login attempts for this email (at most 3 per minute)")));
    }

    @Test
    void sessionsStartedOnEitherInstanceCountTogether() {
        String token = register(first, "sessions-" + System.nanoTime() + "@brainbuddy.test");
        startSession(first, token).path("startSession.id").hasValue();
        startSession(second, token).path("startSession.id").hasValue();
        startSession(first, token).path("startSession.id").hasValue();

        startSession(second, token)
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage())
                                .startsWith("Too many sessions started today (at most 3 per day (UTC))")));
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response login(
            ConfigurableApplicationContext instance, String email, String password) {
        return client(instance)
                .documentName("login")
                .variable("input", Map.of("email", email, "password", password))
                .execute();
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response startSession(
            ConfigurableApplicationContext instance, String token) {
        return client(instance, token)
                .documentName("startSession")
                .variable("input", Map.of("moduleType", "MOVERS", "durationSeconds", 600))
                .execute();
    }
}
