package app.brainbuddy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Integration tests talk to the running application over HTTP, as a client would, against an
 * in-memory embedded MongoDB. All of them share one application context and one database, so each
 * test works with accounts of its own. They all sign up and log in from one address, so the
 * brute-force limits are raised out of their way here (RateLimitTests tests those), and so are the
 * per-person rates (PersonLimitsTests tests those) and the cool-down (CoolDownTests).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "brainbuddy.mongo.embedded.storage=memory",
            "brainbuddy.security.admin-emails=" + GraphQlIntegrationTest.ADMIN_EMAIL,
            "brainbuddy.security.rate-limit.login.per-email.attempts=1000000",
            "brainbuddy.security.rate-limit.login.per-address.attempts=1000000",
            "brainbuddy.security.rate-limit.register.per-email.attempts=1000000",
            "brainbuddy.security.rate-limit.register.per-address.attempts=1000000",
            "brainbuddy.person.in-flight=1000000",
            "brainbuddy.person.sessions-per-day=1000000",
            "brainbuddy.person.synced-sessions-per-day=1000000",
            "brainbuddy.person.expensive-per-window=1000000",
            // hostile-input tests send hundreds of refused requests with one token (CoolDownTests tests it)
            "brainbuddy.cool-down.refusals=1000000",
            // small, so that SubscriptionLimitsTests reaches each limit in a few steps
            "brainbuddy.subscriptions.per-connection=3",
            "brainbuddy.subscriptions.per-person=5",
            "brainbuddy.subscriptions.connections-per-person=4",
            "brainbuddy.subscriptions.idle-timeout=5s",
            "brainbuddy.subscriptions.max-message-size=8KB"
        })
@Import({
    MongoCommands.class,
    QueryShapes.class,
    SchemaReportCapture.class,
    RecordedRatings.class,
    app.brainbuddy.graphql.AnswerSizes.class
})
public abstract class GraphQlIntegrationTest {

    protected static final String ADMIN_EMAIL = "admin@brainbuddy.test";
    protected static final String PASSWORD = "correct horse battery staple";

    private static final AtomicInteger accounts = new AtomicInteger();

    /**
     * WebTestClient's default of 5 s is too short on a CI machine shared by several builds, where a
     * cold sign-up (BCrypt, first JIT) has been measured above it; tests never assert on time.
     */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    protected static final FakeIdentityProvider IDENTITY_PROVIDER = FakeIdentityProvider.start();

    @DynamicPropertySource
    static void trustTheFakeIdentityProvider(DynamicPropertyRegistry properties) {
        properties.add("brainbuddy.security.external.issuer-uri", () -> FakeIdentityProvider.ISSUER);
        properties.add("brainbuddy.security.external.jwk-set-uri", IDENTITY_PROVIDER::jwkSetUri);
        properties.add("brainbuddy.security.external.audience", () -> FakeIdentityProvider.AUDIENCE);
    }

    @LocalServerPort
    private int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected MongoCommands mongoCommands;

    /** A client without a token. */
    protected HttpGraphQlTester anonymous() {
        // a shared, busy machine answers the first requests of a fresh server slowly
        return HttpGraphQlTester.builder(http().mutate())
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Plain HTTP to the GraphQL endpoint, for what a GraphQL client hides (status codes, raw bodies). */
    protected WebTestClient http() {
        // a shared, busy machine (CI's two cores) can answer a fresh server's first requests slowly
        return WebTestClient.bindToServer()
                .responseTimeout(Duration.ofSeconds(30))
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(RESPONSE_TIMEOUT)
                // answers up to the server's own byte limit (8 MB), so that limit is what tests meet
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    /** Plain HTTP to the server's root, for its other endpoints. */
    protected WebTestClient server() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    /** A client that sends this bearer token. */
    protected HttpGraphQlTester bearer(String token) {
        return anonymous().mutate().header("Authorization", "Bearer " + token).build();
    }

    /** A fresh account, signed in. */
    protected SignedIn signUp() {
        return signUp("user" + accounts.incrementAndGet() + "-" + System.nanoTime() + "@brainbuddy.test");
    }

    protected SignedIn signUp(String email) {
        return signedIn(
                anonymous()
                        .documentName("register")
                        .variable("input", Map.of("email", email, "password", PASSWORD, "chronotype", "BEAR"))
                        .execute(),
                "register");
    }

    /** The administrator's account, whose email is in the configured admin list. */
    protected SignedIn admin() {
        boolean exists = mongo.getCollection("users").countDocuments(new Document("email", ADMIN_EMAIL)) > 0;
        if (!exists) {
            return signUp(ADMIN_EMAIL);
        }
        return signedIn(
                anonymous()
                        .documentName("login")
                        .variable("input", Map.of("email", ADMIN_EMAIL, "password", PASSWORD))
                        .execute(),
                "login");
    }

    /** Sends the request and answers the body of its 200 response. */
    protected static String okBody(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The HTTP status of a simple query sent with this bearer token. */
    protected HttpStatus statusWithToken(String token) {
        return statusWithToken(http(), token);
    }

    /** The HTTP status of {@code { me { id } }} with this token, sent through {@code http}. */
    public static HttpStatus statusWithToken(WebTestClient http, String token) {
        return HttpStatus.valueOf(http.post()
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ me { id } }"))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value());
    }

    /** Revokes an integration grant through {@code client} and checks the answer names it. */
    public static void revokeIntegration(GraphQlTester client, String grant) {
        client.document("mutation($id: ID!) { revokeIntegrationToken(id: $id) }")
                .variable("id", grant)
                .execute()
                .path("revokeIntegrationToken")
                .entity(String.class)
                .isEqualTo(grant);
    }

    /** A stored personal model: models come from ratings in a later feature, and a stored one is enough to read. */
    protected void storeModel(String userId, long trainingSteps) {
        mongo.getCollection("user_models")
                .insertOne(new Document("_id", new org.bson.types.ObjectId())
                        .append("user_id", userId)
                        .append("model_weights", new byte[] {1, 2, 3})
                        .append("last_updated", new java.util.Date())
                        .append("training_steps", trainingSteps)
                        .append("phase", "developmental"));
    }

    /** Starts a session of this module for the user; answers its id. */
    protected static String startSession(SignedIn user, String moduleType) {
        return user.graphQl()
                .documentName("startSession")
                .variable("input", Map.of("moduleType", moduleType, "durationSeconds", 600))
                .execute()
                .path("startSession.id")
                .entity(String.class)
                .get();
    }

    protected long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    /** The response failed with exactly one error of this classification, and left no data behind. */
    protected static void assertSingleError(GraphQlTester.Response response, ErrorType type) {
        response.errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(type)));
    }

    /**
     * A body written outside GraphQL execution is a GraphQL response with exactly one error of this
     * classification, whose message says this and names no Java or library types.
     */
    protected static void assertGraphQlErrorBody(String body, String classification, String messagePart) {
        JsonNode json = JsonMapper.shared().readTree(body);
        assertThat(json.propertyNames()).containsExactly("errors");
        assertThat(json.get("errors")).hasSize(1);
        assertThat(json.at("/errors/0/extensions/classification").asString()).isEqualTo(classification);
        assertThat(json.at("/errors/0/message").asString())
                .contains(messagePart)
                .doesNotMatch(
                        "(?s).*(java\\.|jakarta\\.|tools\\.jackson|LinkedHashMap|HashMap|ArrayList|Integer|Long\\b"
                                + "|Object\\b).*");
    }

    private SignedIn signedIn(GraphQlTester.Response response, String payload) {
        String token = response.path(payload + ".token").entity(String.class).get();
        String id = response.path(payload + ".user.id").entity(String.class).get();
        String email =
                response.path(payload + ".user.email").entity(String.class).get();
        HttpGraphQlTester client =
                anonymous().mutate().header("Authorization", "Bearer " + token).build();
        return new SignedIn(id, email, token, client);
    }

    /** A signed-in account and a client that sends its token. */
    protected record SignedIn(String id, String email, String token, HttpGraphQlTester graphQl) {}
}
