package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Automatic persisted queries, queries over GET, and the trusted-documents manifest (configured here
 * with one operation, {@code TrustedMe}), as a client sees them over HTTP.
 */
@TestPropertySource(properties = "brainbuddy.graphql.persisted.trusted-documents=classpath:trusted-documents.json")
class PersistedOperationsTests extends GraphQlIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRUSTED = "query TrustedMe { me { id } }";

    @Test
    void aHashIsUnknownUntilSentWithItsTextThenWorksAlone() {
        SignedIn user = signUp();
        String query = "query MyEmail { me { email } } # " + System.nanoTime();
        Map<String, Object> extensions = persisted(sha256(query));

        JsonNode unknown = post(user.token(), Map.of("extensions", extensions));
        JsonNode registered = post(user.token(), Map.of("query", query, "extensions", extensions));
        JsonNode byHash = post(user.token(), Map.of("extensions", extensions));

        assertThat(unknown.at("/errors/0/message").asString()).isEqualTo("PersistedQueryNotFound");
        assertThat(unknown.at("/errors/0/extensions/classification").asString()).isEqualTo("PersistedQueryNotFound");
        assertThat(registered.at("/data/me/email").asString()).isEqualTo(user.email());
        assertThat(byHash.at("/data/me/email").asString()).isEqualTo(user.email());
    }

    @Test
    void aHashThatDoesNotMatchItsTextIsRefused() {
        SignedIn user = signUp();

        JsonNode answer = post(
                user.token(), Map.of("query", "{ me { id } }", "extensions", persisted(sha256("{ me { email } }"))));

        assertThat(answer.at("/errors/0/message").asString()).isEqualTo("PersistedQueryIdInvalid");
        assertThat(answer.has("data") && !answer.get("data").isNull()).isFalse();
    }

    @Test
    void aQueryComesOverGetWithAPreflightHeaderByTextOrByHash() {
        SignedIn user = signUp();
        String query = "query MyId { me { id } } # " + System.nanoTime();
        post(user.token(), Map.of("query", query, "extensions", persisted(sha256(query))));

        JsonNode byText = get(Map.of("query", query), "Authorization", "Bearer " + user.token())
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        JsonNode byHash = get(
                        Map.of("extensions", JSON.writeValueAsString(persisted(sha256(query)))),
                        "Authorization",
                        "Bearer " + user.token())
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(byText.at("/data/me/id").asString()).isEqualTo(user.id());
        assertThat(byHash.at("/data/me/id").asString()).isEqualTo(user.id());
    }

    @Test
    void aGetWithoutAHeaderASimpleCrossSiteRequestCannotSendIsRefused() {
        JsonNode answer = get(Map.of("query", "{ __typename }"), "Accept", "application/json")
                .expectStatus()
                .isBadRequest()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.at("/errors/0/message").asString()).contains("GraphQL-Preflight");
    }

    @Test
    void aMutationOverGetIsNotAllowedAndWritesNothing() {
        String email = "get-" + System.nanoTime() + "@brainbuddy.test";
        String mutation = "mutation { register(input: {email: \"%s\", password: \"%s\", chronotype: BEAR}) { token } }"
                .formatted(email, PASSWORD);

        get(Map.of("query", mutation), "GraphQL-Preflight", "1")
                .expectStatus()
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader()
                .valueEquals("Allow", "POST");

        assertThat(mongo.getCollection("users").countDocuments(new org.bson.Document("email", email)))
                .isZero();
    }

    @Test
    void anIntegrationTokenRunsOnlyTheManifestsOperations() {
        SignedIn owner = signUp();
        String integration = owner.graphQl()
                .documentName("createIntegrationToken")
                .variable("input", Map.of("name", "dashboard", "scopes", List.of("PROFILE_READ")))
                .execute()
                .path("createIntegrationToken.token")
                .entity(String.class)
                .get();

        JsonNode outside = post(integration, Map.of("query", "{ me { id email } }"));
        JsonNode byText = post(integration, Map.of("query", TRUSTED));
        JsonNode byId = post(integration, Map.of("extensions", persisted(sha256(TRUSTED))));
        JsonNode ownerOutside = post(owner.token(), Map.of("query", "{ me { id email } }"));

        assertThat(outside.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(outside.at("/errors/0/message").asString()).contains("trusted-documents manifest");
        assertThat(byText.at("/data/me/id").asString()).isEqualTo(owner.id());
        assertThat(byId.at("/data/me/id").asString()).isEqualTo(owner.id());
        assertThat(ownerOutside.at("/data/me/email").asString()).isEqualTo(owner.email());
    }

    private JsonNode post(String token, Map<String, Object> body) {
        return http().post()
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec get(Map<String, String> parameters, String header, String value) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("");
        parameters.forEach((name, parameter) -> uri.queryParam(name, "{" + name + "}"));
        return http().get()
                .uri(uri.build().toUriString(), parameters)
                .header(header, value)
                .accept(MediaType.APPLICATION_JSON)
                .exchange();
    }

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
