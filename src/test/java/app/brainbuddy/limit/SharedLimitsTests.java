package app.brainbuddy.limit;

import static app.brainbuddy.TwoReplicas.client;
import static app.brainbuddy.TwoReplicas.register;
import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.TwoReplicas;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the server on one database, as two replicas behind a load balancer (see
 * TwoReplicas). Attempts and per-person counts made on either count against the same limits.
 */
class SharedLimitsTests {

    @RegisterExtension
    static final TwoReplicas.PerClass replicas = TwoReplicas.perClass(Map.of(
            "brainbuddy.security.rate-limit.login.per-email.attempts", 3,
            "brainbuddy.person.sessions-per-day", 3));

    @Test
    void failedLoginsOnEitherInstanceCountTogether() {
        String email = "shared-" + System.nanoTime() + "@brainbuddy.test";
        register(replicas.first(), email);
        login(replicas.first(), email, "wrong password!")
                .errors()
                .satisfy(errors -> assertThat(errors).hasSize(1));
        login(replicas.second(), email, "wrong password!")
                .errors()
                .satisfy(errors -> assertThat(errors).hasSize(1));
        login(replicas.first(), email, "wrong password!")
                .errors()
                .satisfy(errors -> assertThat(errors).hasSize(1));

        login(replicas.second(), email, "correct horse battery staple")
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage())
                                .startsWith("Too many login attempts for this email (at most 3 per minute)")));
    }

    @Test
    void sessionsStartedOnEitherInstanceCountTogether() {
        String token = register(replicas.first(), "sessions-" + System.nanoTime() + "@brainbuddy.test");
        startSession(replicas.first(), token).path("startSession.id").hasValue();
        startSession(replicas.second(), token).path("startSession.id").hasValue();
        startSession(replicas.first(), token).path("startSession.id").hasValue();

        startSession(replicas.second(), token)
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
