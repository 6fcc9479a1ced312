package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
        SignedIn user = signUp();
        String document = IntStream.range(0, 10)
                .mapToObj(i -> "a" + i + ":habits{history(days:366){date attempts successes}}")
                .collect(Collectors.joining(" ", "{me{", "}}"));

        var commands = mongoCommands.during(() -> {
            GraphQlTester.Response response = user.graphQl().document(document).execute();
            assertSingleError(response, ErrorType.BAD_REQUEST);
            response.errors()
                    .satisfy(errors ->
                            assertThat(errors.get(0).getMessage()).contains("brainbuddy.graphql.max-complexity"));
        });

        // authentication may look the account up; nothing of the query itself is read
        assertThat(commands)
                .as("database commands of the refused request")
                .noneMatch(command -> command.collection().equals("habits"));
    }

    @Test
    void thirtyAliasesOfLargeSessionsAreRefusedByCostBeforeAnyRead() {
        SignedIn user = signUp();
        List<Map<String, Object>> sessions = new ArrayList<>();
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
        for (int i = 0; i < 100; i++) {
            sessions.add(Map.of(
                    "moduleType",
                    "MOVERS",
                    "durationSeconds",
                    600,
                    "timestamp",
                    start.plusSeconds(i).toString(),
                    "generatedContent",
                    Map.of("notes", "n".repeat(7_500), "more", "m".repeat(7_500))));
        }
        user.graphQl()
                .documentName("recordSessions")
                .variable("input", sessions)
                .execute()
                .path("recordSessions")
                .entityList(Object.class)
                .hasSize(100);
        String document = IntStream.range(0, 30)
                .mapToObj(i -> "a" + i + ":sessions(first:100){edges{node{generatedContent}}}")
                .collect(Collectors.joining(" ", "{me{", "}}"));

        var commands = mongoCommands.during(() -> {
            GraphQlTester.Response response = user.graphQl().document(document).execute();
            assertSingleError(response, ErrorType.BAD_REQUEST);
            response.errors()
                    .satisfy(errors ->
                            assertThat(errors.get(0).getMessage()).contains("brainbuddy.graphql.max-complexity"));
        });

        // a JSON value of up to 16 KB counts as 256 fields: the request is refused before a session is read
        assertThat(commands).noneMatch(command -> command.collection().equals("sessions"));
        // one alias of the same (1.5 MB) is within the limits
        user.graphQl()
                .document("{me{sessions(first:100){edges{node{generatedContent}}}}}")
                .execute()
                .path("me.sessions.edges")
                .entityList(Object.class)
                .hasSize(100);
    }

    @Test
    void everyAnswerOfTheSuiteIsWithinItsEstimate() {
        SignedIn user = signUp();
        String habit = user.graphQl()
                .documentName("createHabit")
                .variable(
                        "input",
                        Map.of(
                                "habitType", "NEGATIVE_LOOP",
                                "trigger", "stress",
                                "routine", "scrolling",
                                "reward", "distraction",
                                "interruptProtocol", Map.of("technique", "box_breathing", "durationSeconds", 60)))
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
