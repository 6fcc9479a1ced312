package app.brainbuddy.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The harness itself: the packaged jar starts, answers GraphQL, stops gracefully, survives SIGKILL and restarts. */
class PackagedServerProcessIT {

    private static final String REGISTER =
            "mutation($input: RegisterInput!) { register(input: $input) { token user { email } } }";
    private static final String LOGIN = "mutation($input: LoginInput!) { login(input: $input) { user { email } } }";

    @TempDir
    Path folder;

    @Test
    void startsStopsAndRestartsInTheSameFolderOnTheSamePort() {
        Map<String, String> credentials = Map.of("email", "harness@example.test", "password", "correct horse battery");
        try (PackagedServer server = PackagedServer.start(folder)) {
            int port = server.port();
            JsonNode registered = server.post(
                    REGISTER,
                    Map.of(
                            "input",
                            Map.of(
                                    "chronotype",
                                    "BEAR",
                                    "email",
                                    credentials.get("email"),
                                    "password",
                                    credentials.get("password"))),
                    null);
            assertThat(registered.path("data").path("register").path("token").asString())
                    .isNotBlank();

            // 128 + SIGTERM: the JVM ran its shutdown hooks and exited as signalled (a forced end would be 137)
            assertThat(server.stop()).as("exit code of a graceful stop").isEqualTo(143);
            server.restart();
            assertThat(server.port()).isEqualTo(port);
            JsonNode login = server.post(LOGIN, Map.of("input", credentials), null);
            assertThat(login.path("data")
                            .path("login")
                            .path("user")
                            .path("email")
                            .asString())
                    .isEqualTo(credentials.get("email"));

            server.kill9();
            server.restart();
            assertThat(server.post("{ __typename }", Map.of(), null)
                            .path("data")
                            .path("__typename")
                            .asString())
                    .isEqualTo("Query");
        }
    }
}
