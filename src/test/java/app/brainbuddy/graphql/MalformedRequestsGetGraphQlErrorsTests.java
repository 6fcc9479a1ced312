package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Whatever a client sends to {@code /graphql}, and wherever it is refused (before GraphQL, by Spring
 * MVC, by the error page), the answer is a GraphQL response with one error, never Spring's
 * {@code {"timestamp","status","error","path"}} and never a message naming Java types.
 */
class MalformedRequestsGetGraphQlErrorsTests extends GraphQlIntegrationTest {

    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("empty body", "", "must be a JSON object"),
                Arguments.of("truncated JSON", "{\"query\": ", "not valid JSON (line 1"),
                Arguments.of("not JSON at all", "query { me { id } }", "not valid JSON"),
                Arguments.of("a batch array", "[{\"query\": \"{ __typename }\"}]", "Batched requests"),
                Arguments.of("null", "null", "must be a JSON object"),
                Arguments.of("a number", "42", "must be a JSON object"),
                Arguments.of("a bare document as a string", "\"{ __typename }\"", "must be a JSON object"),
                Arguments.of("no query", "{}", "has no query"),
                Arguments.of("query a number", "{\"query\": 1}", "query must be a string"),
                Arguments.of("query null", "{\"query\": null}", "query must be a string"),
                Arguments.of("query an object", "{\"query\": {}}", "query must be a string"),
                Arguments.of(
                        "variables a string",
                        "{\"query\": \"{ __typename }\", \"variables\": \"x\"}",
                        "variables must be"),
                Arguments.of(
                        "variables an array",
                        "{\"query\": \"{ __typename }\", \"variables\": [1]}",
                        "variables must be"),
                Arguments.of(
                        "operationName a number",
                        "{\"query\": \"{ __typename }\", \"operationName\": 1}",
                        "operationName must be"),
                Arguments.of(
                        "extensions a string",
                        "{\"query\": \"{ __typename }\", \"extensions\": \"x\"}",
                        "extensions must be"),
                Arguments.of(
                        "a second object after the first",
                        "{\"query\": \"{ __typename }\"} {\"query\": \"{ __typename }\"}",
                        "goes on after"),
                Arguments.of(
                        "nested deeper than the parser allows",
                        "{\"query\": \"{ __typename }\", \"extensions\": {\"x\": " + "[".repeat(5000) + "]}}",
                        "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void aMalformedBodyIsABadRequestInGraphQlShape(String name, String body, String expected) {
        EntityExchangeResult<String> answer = http().post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody(String.class)
                .returnResult();

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(JSON_UTF8);
        assertGraphQlErrorBody(answer.getResponseBody(), "BAD_REQUEST", expected);
    }

    @Test
    void aClientAcceptingGraphQlResponsesGetsThatMediaTypeForARefusedBody() {
        EntityExchangeResult<String> answer = http().post()
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_GRAPHQL_RESPONSE)
                .bodyValue("[{\"query\": \"{ __typename }\"}]")
                .exchange()
                .expectBody(String.class)
                .returnResult();

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getResponseHeaders().getContentType())
                .isEqualTo(new MediaType(MediaType.APPLICATION_GRAPHQL_RESPONSE, StandardCharsets.UTF_8));
        assertGraphQlErrorBody(answer.getResponseBody(), "BAD_REQUEST", "Batched requests");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsAnUnsupportedMediaType() {
        EntityExchangeResult<String> answer = http().post()
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("{ __typename }")
                .exchange()
                .expectBody(String.class)
                .returnResult();

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertGraphQlErrorBody(answer.getResponseBody(), "BAD_REQUEST", "Content-Type: application/json");
    }

    @Test
    void aMethodGraphQlDoesNotTakeIsRefusedInGraphQlShape() {
        EntityExchangeResult<String> answer =
                http().delete().exchange().expectBody(String.class).returnResult();

        assertThat(answer.getStatus().is4xxClientError()).isTrue();
        assertGraphQlErrorBody(
                answer.getResponseBody(), answer.getStatus().value() == 405 ? "BAD_REQUEST" : "NOT_FOUND", "");
    }

    @Test
    void anAnswerTypeTheServerCannotGiveIsRefusedInGraphQlShape() {
        EntityExchangeResult<String> answer = http().post()
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_HTML)
                .bodyValue("{\"query\": \"{ __typename }\"}")
                .exchange()
                .expectBody(String.class)
                .returnResult();

        // Spring GraphQL's route does not match: refused as not acceptable or as an unsupported type
        assertThat(answer.getStatus().value()).isIn(406, 415);
        assertGraphQlErrorBody(answer.getResponseBody(), "BAD_REQUEST", "application/");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFoundInsteadOfStatus999() {
        EntityExchangeResult<String> answer =
                server().get().uri("/error").exchange().expectBody(String.class).returnResult();

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertGraphQlErrorBody(answer.getResponseBody(), "NOT_FOUND", "Nothing is served at this address");
    }

    @Test
    void anOversizedBodyIsRefusedInGraphQlShape() {
        String query = "{ __typename }" + " ".repeat(3 * 1024 * 1024);
        EntityExchangeResult<String> answer = http().post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"" + query + "\"}")
                .exchange()
                .expectBody(String.class)
                .returnResult();

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertGraphQlErrorBody(answer.getResponseBody(), "BAD_REQUEST", "brainbuddy.graphql.max-request-size");
    }
}
