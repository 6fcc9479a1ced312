package app.brainbuddy;

import app.brainbuddy.keys.KeyFiles;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances of the server on one database, as two replicas behind a load balancer: the first
 * serves the embedded database on a port, the second connects to it like to any MongoDB. They share
 * their signing key and model keyset, as replicas do in production.
 */
public record TwoReplicas(ConfigurableApplicationContext first, ConfigurableApplicationContext second)
        implements AutoCloseable {

    /** A shared, busy machine (CI's two cores) can answer a fresh server's first requests slowly. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Two replicas for a test class: started before its first test, closed after its last.
     * {@code settings}: more properties for both, as command-line arguments.
     */
    public static PerClass perClass(Map<String, Object> settings) {
        return new PerClass(settings);
    }

    /** {@code settings}: more properties for both, as command-line arguments. */
    public static TwoReplicas start(Map<String, Object> settings) throws Exception {
        String signingKey = new RSAKeyGenerator(2048).keyID("shared").generate().toJSONString();
        String modelKeyset = KeyFiles.newModelKeyset();
        int databasePort;
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        Map<String, Object> shared = new HashMap<>(settings);
        shared.put("server.port", 0);
        shared.put("brainbuddy.security.jwt.jwk", signingKey);
        shared.put("brainbuddy.model.keyset", modelKeyset);
        ConfigurableApplicationContext first = start(
                shared,
                Map.of(
                        "brainbuddy.mongo.embedded.storage", "memory",
                        "brainbuddy.mongo.embedded.port", databasePort,
                        // the embedded wire port admits only clients that name this application
                        "brainbuddy.mongo.embedded.client-name", "two-replicas"));
        ConfigurableApplicationContext second = start(
                shared,
                Map.of(
                        "brainbuddy.mongo.url",
                        "mongodb://localhost:" + databasePort + "/brain_buddy?appName=two-replicas"));
        return new TwoReplicas(first, second);
    }

    private static ConfigurableApplicationContext start(Map<String, Object> shared, Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>(shared);
        properties.putAll(database);
        // as command-line arguments: they take precedence over application.yml, as on a real server
        return new SpringApplicationBuilder(BrainBuddyApplication.class)
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }

    public static HttpGraphQlTester client(ConfigurableApplicationContext instance) {
        return HttpGraphQlTester.builder(http(instance).mutate())
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    private static WebTestClient http(ConfigurableApplicationContext instance) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    public static HttpGraphQlTester client(ConfigurableApplicationContext instance, String token) {
        return client(instance)
                .mutate()
                .header("Authorization", "Bearer " + token)
                .build();
    }

    /** The HTTP status of {@code { me { id } }} with this token on {@code instance}. */
    public static HttpStatus statusWithToken(ConfigurableApplicationContext instance, String token) {
        return GraphQlIntegrationTest.statusWithToken(http(instance), token);
    }

    /** Signs up on {@code instance}; answers the token. */
    public static String register(ConfigurableApplicationContext instance, String email) {
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

    @Override
    public void close() {
        second.close();
        first.close();
    }

    /** See {@link #perClass}. */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {

        private final Map<String, Object> settings;
        private TwoReplicas replicas;

        private PerClass(Map<String, Object> settings) {
            this.settings = settings;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            replicas = start(settings);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            replicas.close();
        }

        public ConfigurableApplicationContext first() {
            return replicas.first();
        }

        public ConfigurableApplicationContext second() {
            return replicas.second();
        }
    }
}
