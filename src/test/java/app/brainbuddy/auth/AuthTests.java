package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class AuthTests extends GraphQlIntegrationTest {

    @Test
    void registerNormalisesTheEmailAndReturnsATokenThatWorks() {
        String email = "  Ana.Lima" + System.nanoTime() + "@Example.ORG ";
        GraphQlTester.Response payload = anonymous()
                .documentName("register")
                .variable("input", Map.of("email", email, "password", PASSWORD, "chronotype", "WOLF"))
                .execute();

        payload.path("register.user.email")
                .entity(String.class)
                .isEqualTo(email.strip().toLowerCase());
        payload.path("register.user.chronotype").entity(String.class).isEqualTo("WOLF");
        payload.path("register.user.privacySettings").entity(Map.class).isEqualTo(Map.of());
        Instant expiresAt = Instant.parse(
                payload.path("register.expiresAt").entity(String.class).get());
        assertThat(expiresAt).isAfter(Instant.now());

        String token = payload.path("register.token").entity(String.class).get();
        anonymous()
                .mutate()
                .header("Authorization", "Bearer " + token)
                .build()
                .documentName("me")
                .execute()
                .path("me.email")
                .entity(String.class)
                .isEqualTo(email.strip().toLowerCase());
    }

    @Test
    void theSameEmailInAnotherSpellingIsRefusedAndWritesNothing() {
        SignedIn first = signUp();
        long users = count("users");

        var response = anonymous()
                .documentName("register")
                .variable("input", registration(" " + first.email().toUpperCase() + " ", PASSWORD))
                .execute();

        assertSingleError(response, ErrorType.BAD_REQUEST);
        response.errors()
                .satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("already exists"));
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void badRegistrationsAreRefusedWithBadRequestAndWriteNothing() {
        long users = count("users");
        List<Map<String, Object>> refused = List.of(
                registration("not-an-email", PASSWORD),
                registration("", PASSWORD),
                registration("a".repeat(250) + "@example.org", PASSWORD),
                registration(uniqueEmail(), "short"),
                registration(uniqueEmail(), "123456789"),
                registration(uniqueEmail(), "é".repeat(37)));
        for (Map<String, Object> input : refused) {
            var response = anonymous()
                    .documentName("register")
                    .variable("input", input)
                    .execute();
            assertSingleError(response, ErrorType.BAD_REQUEST);
        }
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void anUnknownChronotypeIsABadRequest() {
        long users = count("users");
        var response = anonymous()
                .documentName("register")
                .variable("input", Map.of("email", uniqueEmail(), "password", PASSWORD, "chronotype", "OWL"))
                .execute();

        assertSingleError(response, ErrorType.BAD_REQUEST);
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void loginWithTheRightPasswordSignsIn() {
        SignedIn user = signUp();
        anonymous()
                .documentName("login")
                .variable("input", Map.of("email", " " + user.email().toUpperCase(), "password", PASSWORD))
                .execute()
                .path("login.user.id")
                .entity(String.class)
                .isEqualTo(user.id());
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameUnauthorizedAnswer() {
        SignedIn user = signUp();
        List<String> messages = new ArrayList<>();
        for (Map<String, Object> credentials : List.of(
                Map.<String, Object>of("email", user.email(), "password", "wrong password!"),
                Map.<String, Object>of("email", uniqueEmail(), "password", PASSWORD))) {
            var response = anonymous()
                    .documentName("login")
                    .variable("input", credentials)
                    .execute();
            assertSingleError(response, ErrorType.UNAUTHORIZED);
            response.errors().satisfy(errors -> messages.add(errors.get(0).getMessage()));
        }
        assertThat(messages.get(0)).isEqualTo(messages.get(1));
    }

    @Test
    void concurrentSignUpsOfOneEmailCreateExactlyOneAccount() throws Exception {
        String email = uniqueEmail();
        List<Callable<Boolean>> signUps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            signUps.add(() -> {
                var response = anonymous()
                        .documentName("register")
                        .variable("input", registration(email, PASSWORD))
                        .execute();
                List<Boolean> succeeded = new ArrayList<>();
                response.errors().satisfy(errors -> succeeded.add(errors.isEmpty()));
                return succeeded.get(0);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long successes;
        try {
            successes = pool.invokeAll(signUps).stream()
                    .map(AuthTests::result)
                    .filter(Boolean::booleanValue)
                    .count();
        } finally {
            pool.shutdownNow();
        }
        assertThat(successes).isEqualTo(1);
        assertThat(mongo.getCollection("users").countDocuments(new Document("email", email)))
                .isEqualTo(1);
    }

    @Test
    void thePasswordIsStoredOnlyAsAnAdaptiveHashThatNeverLeavesTheServer() {
        String email = uniqueEmail();
        String body = okBody(http().post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "query",
                        "mutation($input: RegisterInput!) { register(input: $input) { token user { id email } } }",
                        "variables",
                        Map.of("input", registration(email, PASSWORD)))));

        Document stored =
                mongo.getCollection("users").find(new Document("email", email)).first();
        assertThat(stored).isNotNull();
        String hash = stored.getString("hashed_password");
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
        assertThat(body).doesNotContain(hash.substring(8)).doesNotContain(PASSWORD);
    }

    @Test
    void operationsForAUserNeedAToken() {
        assertSingleError(anonymous().documentName("me").execute(), ErrorType.UNAUTHORIZED);
    }

    @Test
    void aTamperedTokenIsRefusedWith401AndAGraphQlShapedBody() {
        SignedIn user = signUp();
        String tampered = user.token().substring(0, user.token().length() - 4) + "AAAA";
        http().post()
                .header("Authorization", "Bearer " + tampered)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ me { id } }"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader()
                .exists("WWW-Authenticate")
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("UNAUTHORIZED");
    }

    private static Map<String, Object> registration(String email, String password) {
        return Map.of("email", email, "password", password, "chronotype", "BEAR");
    }

    private static String uniqueEmail() {
        return "someone" + System.nanoTime() + "@brainbuddy.test";
    }

    private static Boolean result(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
