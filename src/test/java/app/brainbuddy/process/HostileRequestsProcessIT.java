package app.brainbuddy.process;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.AttackDocuments;
import app.brainbuddy.HabitInputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The attack report's memory cases against the packaged jar on the Docker image's small heap (128 MB,
 * exit on out-of-memory): one person at the habit limit asking for every habit's year of history under
 * ten aliases is refused by cost, and so are thirty aliases of a hundred 15 KB sessions; a page of them
 * larger than the answer's byte limit (set to 1 MB here) stops there; the server is alive and answering
 * afterwards.
 */
class HostileRequestsProcessIT {

    private static final String REGISTER = "mutation($input: RegisterInput!) { register(input: $input) { token } }";
    private static final String CREATE_HABIT =
            "mutation($input: CreateHabitInput!) { createHabit(input: $input) { id } }";
    private static final String RECORD_SESSIONS =
            "mutation($input: [RecordSessionInput!]!) { recordSessions(input: $input) { id } }";

    @TempDir
    Path folder;

    @Test
    void theSmallHeapSurvivesTheMemoryAttacks() {
        try (PackagedServer server = PackagedServer.start(
                folder,
                // an answer limit below one page of large sessions, so that the limit behind the cost model is reached
                List.of("--brainbuddy.graphql.max-response-size=1MB"),
                Map.of("JAVA_TOOL_OPTIONS", "-Xmx128m -XX:+ExitOnOutOfMemoryError"),
                null)) {
            String token = server.post(
                            REGISTER,
                            Map.of(
                                    "input",
                                    Map.of(
                                            "email", "attacker@example.test",
                                            "password", "correct horse battery",
                                            "chronotype", "WOLF")),
                            null)
                    .path("data")
                    .path("register")
                    .path("token")
                    .asString();
            for (int i = 0; i < 100; i++) {
                JsonNode created =
                        server.post(CREATE_HABIT, Map.of("input", HabitInputs.negativeLoop("trigger " + i)), token);
                assertThat(created.path("errors").isMissingNode())
                        .as("habit %d: %s", i, created)
                        .isTrue();
            }
            assertThat(firstError(server.post(AttackDocuments.habitHistories(10), Map.of(), token)))
                    .contains("brainbuddy.graphql.max-complexity");

            assertThat(server.post(RECORD_SESSIONS, Map.of("input", AttackDocuments.largeSessions(100)), token)
                            .path("data")
                            .path("recordSessions")
                            .size())
                    .isEqualTo(100);
            assertThat(firstError(server.post(AttackDocuments.largeSessionPages(30), Map.of(), token)))
                    .contains("brainbuddy.graphql.max-complexity");
            for (int round = 0; round < 3; round++) {
                assertThat(firstError(server.post(AttackDocuments.largeSessionPages(1), Map.of(), token)))
                        .contains("brainbuddy.graphql.max-response-size");
            }

            assertThat(server.post("{ __typename }", Map.of(), null)
                            .path("data")
                            .path("__typename")
                            .asString())
                    .isEqualTo("Query");
            assertThat(server.logText()).doesNotContain("java.lang.OutOfMemoryError");
        }
    }

    private static String firstError(JsonNode response) {
        assertThat(response.path("errors").size()).as("errors of %s", response).isPositive();
        return response.path("errors").path(0).path("message").asString();
    }
}
