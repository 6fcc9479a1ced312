package app.brainbuddy.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
                JsonNode created = server.post(
                        CREATE_HABIT,
                        Map.of(
                                "input",
                                Map.of(
                                        "habitType", "NEGATIVE_LOOP",
                                        "trigger", "trigger " + i,
                                        "routine", "scrolling",
                                        "reward", "distraction",
                                        "interruptProtocol",
                                                Map.of("technique", "box_breathing", "durationSeconds", 60))),
                        token);
                assertThat(created.path("errors").isMissingNode())
                        .as("habit %d: %s", i, created)
                        .isTrue();
            }
            String histories = IntStream.range(0, 10)
                    .mapToObj(i -> "a" + i + ":habits{history(days:366){date attempts successes}}")
                    .collect(Collectors.joining(" ", "{me{", "}}"));
            assertThat(firstError(server.post(histories, Map.of(), token)))
                    .contains("brainbuddy.graphql.max-complexity");

            Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
            List<Map<String, Object>> sessions = IntStream.range(0, 100)
                    .mapToObj(i -> Map.<String, Object>of(
                            "moduleType",
                            "MOVERS",
                            "durationSeconds",
                            600,
                            "timestamp",
                            start.plusSeconds(i).toString(),
                            "generatedContent",
                            Map.of("notes", "n".repeat(7_500), "more", "m".repeat(7_500))))
                    .toList();
            assertThat(server.post(RECORD_SESSIONS, Map.of("input", sessions), token)
                            .path("data")
                            .path("recordSessions")
                            .size())
                    .isEqualTo(100);
            String amplified = IntStream.range(0, 30)
                    .mapToObj(i -> "a" + i + ":sessions(first:100){edges{node{generatedContent}}}")
                    .collect(Collectors.joining(" ", "{me{", "}}"));
            assertThat(firstError(server.post(amplified, Map.of(), token)))
                    .contains("brainbuddy.graphql.max-complexity");
            String page = "{me{sessions(first:100){edges{node{generatedContent}}}}}";
            for (int round = 0; round < 3; round++) {
                assertThat(firstError(server.post(page, Map.of(), token)))
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
