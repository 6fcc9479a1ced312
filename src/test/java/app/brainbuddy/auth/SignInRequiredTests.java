package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * A request without a token is told to sign in; one whose token is refused is told so; both with
 * 401, the standard {@code WWW-Authenticate} challenge and a GraphQL-shaped body. What GraphiQL's
 * page asks for on its own (the favicon) needs no token.
 */
class SignInRequiredTests extends GraphQlIntegrationTest {

    @Test
    void aRequestWithoutATokenIsAskedToSignIn() {
        EntityExchangeResult<String> answer = get("/actuator/metrics", null);

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer")
                .doesNotContain("invalid_token");
        assertGraphQlErrorBody(answer.getResponseBody(), "UNAUTHORIZED", "Sign in: this request needs a bearer token");
    }

    @Test
    void anInvalidTokenIsToldApartFromAMissingOne() {
        EntityExchangeResult<String> answer = get("/actuator/metrics", "not-a-token");

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .contains("invalid_token");
        assertGraphQlErrorBody(
                answer.getResponseBody(), "UNAUTHORIZED", "The bearer token is invalid, expired or revoked");
    }

    @Test
    void anInvalidTokenOnGraphQlIsRefusedBeforeGraphQlRuns() {
        EntityExchangeResult<String> answer = http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ me { id } }\"}")
                .exchange()
                .expectBody(String.class)
                .returnResult();

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertGraphQlErrorBody(
                answer.getResponseBody(), "UNAUTHORIZED", "The bearer token is invalid, expired or revoked");
    }

    @Test
    void aPersonsTokenOnAnAdministratorsAddressIsForbiddenInGraphQlShape() {
        EntityExchangeResult<String> answer = get("/actuator/metrics", signUp().token());

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertGraphQlErrorBody(answer.getResponseBody(), "FORBIDDEN", "administrator");
    }

    @Test
    void theFaviconNeedsNoToken() {
        server().get()
                .uri("/favicon.ico")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("image/x-icon");
    }

    private EntityExchangeResult<String> get(String path, String token) {
        return server().get()
                .uri(path)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }
}
