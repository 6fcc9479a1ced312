package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.AttackDocuments;
import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.HabitInputs;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * What one ordinary account can make the server build: the cost model counts list sizes, so the
 * issue's out-of-memory query is refused before anything is read, and so is an amplifying query of
 * large stored values (they count by their size; the answer's byte limit behind that is tested on the
 * packaged jar, HostileRequestsProcessIT). Runs last so that its
 * bound check sees the answer of every operation the whole suite executed in this JVM.
 */
@Order(Integer.MAX_VALUE)
class AnswerLimitsTests extends GraphQlIntegrationTest {

    @Test
    void habitsTimesHistoryTimesAliasesIsRefusedByCostBeforeAnyRead() {
        assertRefusedByCostBeforeReading(signUp(), AttackDocuments.habitHistories(10), "habits");
    }

    @Test
    void thirtyAliasesOfLargeSessionsAreRefusedByCostBeforeAnyRead() {
        SignedIn user = signUp();
        user.graphQl()
                .documentName("recordSessions")
                .variable("input", AttackDocuments.largeSessions(100))
                .execute()
                .path("recordSessions")
                .entityList(Object.class)
                .hasSize(100);

        // a JSON value of up to 16 KB counts as 256 fields
        assertRefusedByCostBeforeReading(user, AttackDocuments.largeSessionPages(30), "sessions");
        // one alias of the same (1.5 MB) is within the limits
        user.graphQl()
                .document(AttackDocuments.largeSessionPages(1))
                .execute()
                .path("me.a0.edges")
                .entityList(Object.class)
                .hasSize(100);
    }

    /** Refused by the cost model: authentication may look the account up, but nothing the query asks for is read. */
    private void assertRefusedByCostBeforeReading(SignedIn user, String document, String collection) {
        var commands = mongoCommands.during(() -> {
            GraphQlTester.Response response = user.graphQl().document(document).execute();
            assertSingleError(response, ErrorType.BAD_REQUEST);
            response.errors()
                    .satisfy(errors ->
                            assertThat(errors.get(0).getMessage()).contains("brainbuddy.graphql.max-complexity"));
        });
        assertThat(commands)
                .as("database commands of the refused request")
                .noneMatch(command -> command.collection().equals(collection));
    }

    @Test
    void everyAnswerOfTheSuiteIsWithinItsEstimate() {
        SignedIn user = signUp();
        String habit = user.graphQl()
                .documentName("createHabit")
                .variable("input", HabitInputs.negativeLoop("stress"))
                .execute()
                .path("createHabit.id")
                .entity(String.class)
                .get();
        user.graphQl()
                .document("mutation($id: ID!){recordHabitAttempt(input:{habitId:$id, success:true}){id}}")
                .variable("id", habit)
                .execute()
                .path("recordHabitAttempt.id")
                .hasValue();
        user.graphQl()
                .document("{me{habits{history(days:100){date attempts successes}} a:habits{id}}}")
                .execute()
                .path("me.habits[0].history")
                .entityList(Object.class)
                .hasSize(100);

        // introspection is left out: its answer is bounded by the schema, not by the request (QueryCost)
        List<AnswerSizes.Answer> answers = AnswerSizes.all().stream()
                .filter(answer -> !answer.document().startsWith("{__"))
                .toList();
        assertThat(answers).hasSizeGreaterThan(3);
        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.estimate())
                        .as("estimate of %s", answer.document())
                        .isGreaterThanOrEqualTo(answer.actual()));
        // the bound is not vacuous: the history query's answer has its 100 days of 3 fields
        assertThat(answers)
                .filteredOn(answer -> answer.document().contains("history(days:100)"))
                .isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.actual()).isGreaterThan(300));
    }
}
