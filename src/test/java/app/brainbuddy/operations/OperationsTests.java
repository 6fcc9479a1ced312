package app.brainbuddy.operations;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Actuator: health and info are public; metrics and Prometheus are for administrators. */
class OperationsTests extends GraphQlIntegrationTest {

    @Test
    void healthAndItsProbesArePublicAndIncludeTheDatabaseForAdmins() {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            server().get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
        server().get()
                .uri("/actuator/health")
                .header("Authorization", "Bearer " + admin().token())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.mongo.status")
                .isEqualTo("UP");
    }

    @Test
    void infoShowsTheBuildVersion() {
        server().get()
                .uri("/actuator/info")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.build.version")
                .isNotEmpty();
    }

    @Test
    void prometheusHasGraphQlAndMongoTimingsForAdminsOnly() {
        SignedIn user = signUp();
        user.graphQl()
                .document("{ me { id habits { id } } }")
                .execute()
                .path("me.id")
                .hasValue();

        server().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        server().get()
                .uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + user.token())
                .exchange()
                .expectStatus()
                .isForbidden();
        String metrics = server().get()
                .uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + admin().token())
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.OK)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(metrics)
                .contains("graphql_request_seconds_count", "graphql_datafetcher_seconds_count")
                .contains("mongodb_driver_commands_seconds_count");
    }
}
