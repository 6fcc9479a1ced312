package app.brainbuddy.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar as a newcomer runs it: on the embedded default in an empty folder, a restart keeps the token valid
 * and the personal model readable; with MONGODB_URL and no keys it refuses to start, saying what to do.
 */
class LearningLoopProcessIT {

    private static final String REGISTER = "mutation($input: RegisterInput!) { register(input: $input) { token } }";
    private static final String START =
            "mutation { startSession(input: {moduleType: MOVERS, durationSeconds: 600}) { id } }";
    private static final String RATE = "mutation($id: ID!, $rating: Int!) {"
            + " rateSession(input: {sessionId: $id, rating: $rating, effectivenessScore: 0.5}) { userRating } }";
    private static final String MODEL = "{ me { email model { trainingSteps phase } } }";
    private static final String RECOMMEND = "{ recommendSession { phase expectedRating reason } }";

    @TempDir
    Path folder;

    @Test
    void aRestartKeepsTokensValidAndTheModelLearning() throws Exception {
        try (PackagedServer server = PackagedServer.start(folder)) {
            String token = data(server.post(
                            REGISTER,
                            Map.of(
                                    "input",
                                    Map.of(
                                            "email", "restart@example.test",
                                            "password", "correct horse battery",
                                            "chronotype", "WOLF")),
                            null))
                    .path("register")
                    .path("token")
                    .asString();
            rateANewSession(server, token, 4);

            server.stop();
            server.restart();

            JsonNode me = data(server.post(MODEL, Map.of(), token)).path("me");
            assertThat(me.path("email").asString()).isEqualTo("restart@example.test");
            assertThat(me.path("model").path("trainingSteps").asInt()).isEqualTo(1);
            rateANewSession(server, token, 2);
            JsonNode recommendation =
                    data(server.post(RECOMMEND, Map.of(), token)).path("recommendSession");
            assertThat(recommendation.path("reason").asString()).containsAnyOf("Trying ", "You rated ");
            assertThat(data(server.post(MODEL, Map.of(), token))
                            .path("me")
                            .path("model")
                            .path("trainingSteps")
                            .asInt())
                    .isEqualTo(2);
            assertThat(server.logText())
                    .doesNotContain("TamperedModelException")
                    .doesNotContain("rebuilt");
        }
        Path keys = folder.resolve("data/keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
                .isEqualTo("rwx------");
        try (var files = Files.list(keys)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("jwt-signing-key.json", "model-keyset.json");
        }
    }

    @Test
    void aRealDatabaseWithoutKeysRefusesToStartWithOneLine() {
        PackagedServer.CommandResult result = PackagedServer.run(
                folder, Map.of("MONGODB_URL", "mongodb://127.0.0.1:9/brain_buddy"), "--server.port=0");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("MONGODB_URL is set but no")
                .contains("--generate-keys")
                .contains("brainbuddy.dev-keys=true")
                .doesNotContain("at org.springframework");
    }

    private static void rateANewSession(PackagedServer server, String token, int rating) {
        String id = data(server.post(START, Map.of(), token))
                .path("startSession")
                .path("id")
                .asString();
        JsonNode rated = data(server.post(RATE, Map.of("id", id, "rating", rating), token));
        assertThat(rated.path("rateSession").path("userRating").asInt()).isEqualTo(rating);
    }

    /** The response's data, after checking it has no errors. */
    private static JsonNode data(JsonNode response) {
        assertThat(response.path("errors").isMissingNode())
                .as("errors: %s", response.path("errors"))
                .isTrue();
        return response.path("data");
    }
}
