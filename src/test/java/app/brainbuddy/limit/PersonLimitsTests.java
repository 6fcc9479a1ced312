package app.brainbuddy.limit;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.AttackDocuments;
import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.HabitInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Each per-person limit, set low, refuses with a FORBIDDEN that names it, says when to retry, and writes nothing. */
class PersonLimitsTests extends GraphQlIntegrationTest {

    @DynamicPropertySource
    static void lowLimits(DynamicPropertyRegistry properties) {
        properties.add("brainbuddy.person.habits", () -> 2);
        properties.add("brainbuddy.person.sessions-per-day", () -> 2);
        properties.add("brainbuddy.person.synced-sessions-per-day", () -> 3);
        properties.add("brainbuddy.person.in-flight", () -> 1);
        properties.add("brainbuddy.person.expensive-cost", () -> 5000);
        properties.add("brainbuddy.person.expensive-per-window", () -> 2);
        properties.add("brainbuddy.person.window", () -> "1h");
    }

    @Test
    void habitsPerPerson() {
        SignedIn user = signUp();
        createHabit(user).path("createHabit.id").hasValue();
        createHabit(user).path("createHabit.id").hasValue();

        GraphQlTester.Response third = createHabit(user);

        assertRefused(third, "brainbuddy.person.habits");
        assertThat(mongo.getCollection("habits").countDocuments(new org.bson.Document("user_id", user.id())))
                .isEqualTo(2);
        createHabit(signUp()).path("createHabit.id").hasValue();
    }

    @Test
    void sessionsStartedPerDay() {
        SignedIn user = signUp();
        startSession(user, "MOVERS");
        startSession(user, "MOVERS");
        long sessions = count("sessions");

        GraphQlTester.Response third = user.graphQl()
                .documentName("startSession")
                .variable("input", Map.of("moduleType", "MOVERS", "durationSeconds", 600))
                .execute();

        assertRefused(third, "Too many sessions started today (at most 2 per day (UTC))");
        assertRetryAfter(third);
        assertThat(count("sessions")).isEqualTo(sessions);
    }

    @Test
    void sessionsSyncedPerDay() {
        SignedIn user = signUp();
        record(user, 2).path("recordSessions").entityList(Object.class).hasSize(2);
        long sessions = count("sessions");

        GraphQlTester.Response over = record(user, 2);

        assertRefused(over, "Too many sessions recorded today (at most 3 per day (UTC))");
        assertRetryAfter(over);
        assertThat(count("sessions")).isEqualTo(sessions);
        record(user, 1).path("recordSessions").entityList(Object.class).hasSize(1);
    }

    @Test
    void expensiveRequestsPerWindow() {
        SignedIn user = signUp();
        // 100 sessions x 20 evidence entries x 20 citations: about 44,000, over 5,000
        String expensive = "{me{sessions(first:100){edges{node{id evidence{id citations{doi}}}}}}}";
        String cheap = "{me{sessions(first:5){edges{node{id}}}}}";
        user.graphQl().document(expensive).execute().path("me.sessions").hasValue();
        user.graphQl().document(expensive).execute().path("me.sessions").hasValue();

        GraphQlTester.Response third = user.graphQl().document(expensive).execute();

        assertRefused(third, "Too many costly requests");
        assertRetryAfter(third);
        user.graphQl().document(cheap).execute().path("me.sessions").hasValue();
    }

    @Test
    void requestsInFlightPerPerson() {
        SignedIn user = signUp();
        List<CompletableFuture<GraphQlTester.Response>> running = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 6; i++) {
            // six at once: the bulkhead lets one run and refuses those that arrive meanwhile
            running.add(CompletableFuture.supplyAsync(
                    () -> user.graphQl()
                            .document("{me{sessions(first:100){edges{node{id generatedContent}}}}}")
                            .execute(),
                    clients));
        }
        clients.shutdown();
        List<String> refusals = new ArrayList<>();
        for (CompletableFuture<GraphQlTester.Response> response : running) {
            response.join()
                    .errors()
                    .satisfy(errors ->
                            errors.stream().map(error -> error.getMessage()).forEach(refusals::add));
        }
        assertThat(refusals)
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message).contains("brainbuddy.person.in-flight"));
        assertThat(refusals).hasSizeLessThan(6);
    }

    private GraphQlTester.Response createHabit(SignedIn user) {
        return user.graphQl()
                .documentName("createHabit")
                .variable("input", HabitInputs.negativeLoop("stress"))
                .execute();
    }

    private GraphQlTester.Response record(SignedIn user, int items) {
        return user.graphQl()
                .documentName("recordSessions")
                .variable("input", AttackDocuments.sessionsOfYesterday(items, Map.of()))
                .execute();
    }

    private static void assertRefused(GraphQlTester.Response response, String message) {
        assertSingleError(response, ErrorType.FORBIDDEN);
        response.errors()
                .satisfy(errors -> assertThat(errors.get(0).getMessage()).contains(message));
    }

    private static void assertRetryAfter(GraphQlTester.Response response) {
        response.errors()
                .satisfy(errors -> assertThat(errors.get(0).getExtensions().get("retryAfterSeconds"))
                        .isInstanceOfSatisfying(
                                Number.class,
                                seconds -> assertThat(seconds.longValue()).isBetween(1L, 86_400L)));
    }
}
