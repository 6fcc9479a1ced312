package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Every answer, pages, assets, API answers and errors alike, tells the browser to run only this
 * server's scripts, to send no referrer, not to guess media types and never to show it in a frame.
 */
class SecurityHeadersTests extends GraphQlIntegrationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "POST /graphql",
                "POST /graphql with a malformed body",
                "GET /graphiql",
                "GET /webjars/graphiql/2.4.7/graphiql.min.js",
                "GET /favicon.ico",
                "GET /actuator/health",
                "GET /actuator/metrics without a token",
                "GET /no-such-page",
                "GET /error"
            })
    void everyAnswerCarriesTheSecurityHeaders(String request) {
        String[] words = request.split(" ", 3);
        String path = words[1];
        HttpHeaders headers = (words[0].equals("POST")
                        ? server().post()
                                .uri(path)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(words.length > 2 ? "{" : "{\"query\": \"{ __typename }\"}")
                        : server().get().uri(path))
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders();

        assertThat(headers.getFirst("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }
}
