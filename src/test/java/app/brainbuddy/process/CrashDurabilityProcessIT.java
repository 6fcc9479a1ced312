package app.brainbuddy.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What the embedded database promises a user of the jar: a write that was acknowledged survives the
 * process being killed (SIGKILL, no shutdown hook) right after the acknowledgement, round after
 * round; and an account deleted is gone from the database file's bytes after a restart.
 */
class CrashDurabilityProcessIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final int ROUNDS = 3;
    private static final int ATTEMPTS_PER_ROUND = 15;
    private static final int SESSIONS_PER_BATCH = 200;

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedWriteSurvivesASigkillRightAfterItsAnswer() {
        String email = "durable@example.test";
        try (PackagedServer server = PackagedServer.start(folder)) {
            String token = register(server, email);
            String habit = server.post(
                            "mutation { createHabit(input: {habitType: POSITIVE_ROUTINE, trigger: \"t\", routine: \"r\","
                                    + " reward: \"w\", interruptProtocol: {technique: \"breathe\", durationSeconds: 30}})"
                                    + " { id } }",
                            Map.of(),
                            token)
                    .path("data")
                    .path("createHabit")
                    .path("id")
                    .asString();
            int attempts = 0;
            int sessions = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                for (int i = 0; i < ATTEMPTS_PER_ROUND; i++) {
                    JsonNode answer = server.post(
                            "mutation($id: ID!) { recordHabitAttempt(input: {habitId: $id, success: true}) { attemptCount } }",
                            Map.of("id", habit),
                            token);
                    assertThat(answer.path("data")
                                    .path("recordHabitAttempt")
                                    .path("attemptCount")
                                    .asInt())
                            .as("round %d, attempt %d acknowledged", round, i)
                            .isEqualTo(++attempts);
                }
                JsonNode batch = server.post(
                        "mutation($input: [RecordSessionInput!]!) { recordSessions(input: $input) { id } }",
                        Map.of("input", sessions(SESSIONS_PER_BATCH)),
                        token);
                assertThat(batch.path("data").path("recordSessions").size())
                        .as("round %d, batch acknowledged: %s", round, batch)
                        .isEqualTo(SESSIONS_PER_BATCH);
                sessions += SESSIONS_PER_BATCH;

                server.kill9();
                server.restart();

                token = login(server, email);
                JsonNode after = server.post(
                        "query($id: ID!) { habit(id: $id) { attemptCount } me { stats { byModule { count } } } }",
                        Map.of("id", habit),
                        token);
                assertThat(after.path("data").path("habit").path("attemptCount").asInt())
                        .as("acknowledged habit attempts after round %d's SIGKILL", round)
                        .isEqualTo(attempts);
                int stored = 0;
                for (JsonNode module :
                        after.path("data").path("me").path("stats").path("byModule")) {
                    stored += module.path("count").asInt();
                }
                assertThat(stored)
                        .as("acknowledged sessions after round %d's SIGKILL", round)
                        .isEqualTo(sessions);
            }
        }
    }

    @Test
    void aDeletedAccountIsGoneFromTheDatabaseFileAfterARestart() throws Exception {
        String email = "erase-me-" + System.nanoTime() + "@example.test";
        Path file = folder.resolve("data/brain-buddy.mv.db");
        try (PackagedServer server = PackagedServer.start(folder)) {
            String token = register(server, email);
            server.post(
                    "mutation($input: [RecordSessionInput!]!) { recordSessions(input: $input) { id } }",
                    Map.of("input", sessions(3)),
                    token);
            assertThat(fileHolds(file, email))
                    .as("the baseline: the file holds the email")
                    .isTrue();

            JsonNode deleted = server.post("mutation { deleteAccount { deleted } }", Map.of(), token);
            assertThat(deleted.path("data")
                            .path("deleteAccount")
                            .path("deleted")
                            .asBoolean())
                    .isTrue();
            server.stop();
            assertThat(fileHolds(file, email))
                    .as("a stopped server's file still holds it in dead chunks")
                    .isTrue();

            server.restart();
            assertThat(fileHolds(file, email)).isFalse();
            assertThat(server.post(
                                    "mutation($input: LoginInput!) { login(input: $input) { token } }",
                                    Map.of("input", Map.of("email", email, "password", PASSWORD)),
                                    null)
                            .path("errors")
                            .isEmpty())
                    .isFalse();
        }
    }

    private static String register(PackagedServer server, String email) {
        JsonNode answer = server.post(
                "mutation($input: RegisterInput!) { register(input: $input) { token } }",
                Map.of("input", Map.of("email", email, "password", PASSWORD, "chronotype", "BEAR")),
                null);
        return answer.path("data").path("register").path("token").asString();
    }

    /** A new token after each restart: the development signing key may not outlive the process. */
    private static String login(PackagedServer server, String email) {
        JsonNode answer = server.post(
                "mutation($input: LoginInput!) { login(input: $input) { token } }",
                Map.of("input", Map.of("email", email, "password", PASSWORD)),
                null);
        return answer.path("data").path("login").path("token").asString();
    }

    private static List<Map<String, Object>> sessions(int count) {
        Instant start = Instant.now().minus(30, ChronoUnit.DAYS);
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(Map.of(
                    "id",
                    new ObjectId().toHexString(),
                    "moduleType",
                    "MOVERS",
                    "durationSeconds",
                    300,
                    "timestamp",
                    start.plus(i, ChronoUnit.MINUTES).toString()));
        }
        return sessions;
    }

    private static boolean fileHolds(Path file, String text) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    }
}
