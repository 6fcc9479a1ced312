package app.brainbuddy.limit;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.BrainBuddyApplication;
import app.brainbuddy.keys.KeyFiles;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances of the server on one database, as two replicas behind a load balancer: the first
 * serves the embedded database on a port, the second connects to it like to any MongoDB. Attempts
 * and per-person counts made on either count against the same limits.
 */
class SharedLimitsTests {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static String signingKey;
    private static String modelKeyset;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        // replicas share their signing key, as they would in production
        signingKey = new RSAKeyGenerator(2048).keyID("shared").generate().toJSONString();
        modelKeyset = KeyFiles.newModelKeyset();
        int databasePort;
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        first = start(Map.of(
                "brainbuddy.mongo.embedded.storage", "memory",
                "brainbuddy.mongo.embedded.port", databasePort,
                // the embedded wire port admits only clients that name this application
                "brainbuddy.mongo.embedded.client-name", "shared-limits"));
        second = start(Map.of(
                "brainbuddy.mongo.url", "mongodb://localhost:" + databasePort + "/brain_buddy?appName=shared-limits"));
    }

    private static ConfigurableApplicationContext start(Map<String, Object> database) {
        Map<String, Object> properties = new java.util.HashMap<>(database);
        properties.put("server.port", 0);
        properties.put("brainbuddy.security.jwt.jwk", signingKey);
        properties.put("brainbuddy.model.keyset", modelKeyset);
        properties.put("brainbuddy.security.rate-limit.login.per-email.attempts", 3);
        properties.put("brainbuddy.person.sessions-per-day", 3);
        // as command-line arguments: they take precedence over application.yml, as on a real server
        return new SpringApplicationBuilder(BrainBuddyApplication.class)
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
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

    private static HttpGraphQlTester client(ConfigurableApplicationContext instance) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .build());
    }

    private static String register(ConfigurableApplicationContext instance, String email) {
        return client(instance)
                .documentName("register")
                .variable(
                        "input",
                        Map.of("email", email, "password", "correct horse battery staple", "chronotype", "BEAR"))
                .execute()
                .path("register.token")
                .entity(String.class)
                .get();
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
        return client(instance)
                .mutate()
                .header("Authorization", "Bearer " + token)
                .build()
                .documentName("startSession")
                .variable("input", Map.of("moduleType", "MOVERS", "durationSeconds", 600))
                .execute();
    }
}
