package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

/** Each query limit refuses with BAD_REQUEST and a message naming the limit's property. */
class QueryLimitsTests extends GraphQlIntegrationTest {

    @Test
    void tooDeepAQueryIsRefusedNamingTheLimit() {
        StringBuilder query = new StringBuilder("{ me { ");
        query.append("sessions { edges { node { user { ".repeat(4)).append("id").append(" } } } }".repeat(4));
        refused(query.append(" } }").toString(), "brainbuddy.graphql.max-depth");
    }

    @Test
    void tooCostlyAQueryIsRefusedAndASmallerPageFits() {
        SignedIn admin = admin();
        String costly =
                "{ users(first: 100) { edges { node { sessions(first: 100) { edges { node { id evidence { id } } } } } } } }";
        refused(admin, costly, "brainbuddy.graphql.max-complexity");
        admin.graphQl()
                .document(costly.replace("first: 100", "first: 20"))
                .execute()
                .path("users.edges")
                .hasValue();
    }

    @Test
    void tooManyAliasesOrRootFieldsAreRefused() {
        refused(
                "{ me { "
                        + IntStream.range(0, 31).mapToObj(i -> "a" + i + ": id").collect(Collectors.joining(" "))
                        + " } }",
                "brainbuddy.graphql.max-aliases");
        refused("{ " + "me { id } ".repeat(11) + "}", "brainbuddy.graphql.max-root-fields");
    }

    @Test
    void tooLongAStringArgumentIsRefused() {
        refused(
                "{ knowledge(filter: {outcome: \"" + "o".repeat(10_001) + "\"}) { edges { cursor } } }",
                "brainbuddy.graphql.max-string-length");
    }

    @Test
    void tooLargeABodyIsRefusedWith413() {
        String body = "{\"query\": \"{ me { id } }\", \"variables\": {\"pad\": \"" + "p".repeat(2_100_000) + "\"}}";
        http().post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("brainbuddy.graphql.max-request-size"));
    }

    @Test
    void unknownFieldsGetNoSuggestions() {
        signUp().graphQl()
                .document("{ me { emial } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).doesNotContain("Did you mean")));
    }

    private void refused(String document, String limit) {
        refused(signUp(), document, limit);
    }

    private static void refused(SignedIn user, String document, String limit) {
        GraphQlTester.Response response = user.graphQl().document(document).execute();
        assertSingleError(response, ErrorType.BAD_REQUEST);
        response.errors()
                .satisfy(errors -> assertThat(errors.get(0).getMessage()).contains(limit));
    }
}
