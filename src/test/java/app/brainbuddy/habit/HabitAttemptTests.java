package app.brainbuddy.habit;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

class HabitAttemptTests extends GraphQlIntegrationTest {

    @Test
    void attemptsUpdateCountsStreaksStrengthAndHistory() {
        SignedIn user = signUp();
        String habitId = createHabit(user);

        for (boolean success : List.of(true, true, false, true)) {
            attempt(user, habitId, success).errors().verify();
        }

        GraphQlTester.Response habit = progress(user, habitId, 7);
        habit.path("habit.attemptCount").entity(Integer.class).isEqualTo(4);
        habit.path("habit.successCount").entity(Integer.class).isEqualTo(3);
        habit.path("habit.successRate").entity(Double.class).isEqualTo(0.75);
        habit.path("habit.currentStreak").entity(Integer.class).isEqualTo(1);
        habit.path("habit.bestStreak").entity(Integer.class).isEqualTo(2);
        assertThat(habit.path("habit.strength").entity(Double.class).get()).isStrictlyBetween(0.0, 0.1);
        assertThat(Instant.parse(
                        habit.path("habit.lastAttemptAt").entity(String.class).get()))
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        habit.path("habit.history").entityList(Object.class).hasSize(7);
        habit.path("habit.history[6].attempts").entity(Integer.class).isEqualTo(4);
        habit.path("habit.history[6].successes").entity(Integer.class).isEqualTo(3);
        habit.path("habit.history[0].attempts").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void fiveHundredConcurrentAttemptsAreAllCountedExactly() throws Exception {
        SignedIn user = signUp();
        String habitId = createHabit(user);
        int successes = 350;
        int failures = 150;
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < successes + failures; i++) {
            boolean success = i % 10 < 7;
            calls.add(() -> {
                List<Boolean> ok = new ArrayList<>();
                attempt(user, habitId, success).errors().satisfy(errors -> ok.add(errors.isEmpty()));
                return ok.get(0);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long started = System.nanoTime();
        List<Future<Boolean>> results;
        try {
            results = pool.invokeAll(calls);
        } finally {
            pool.shutdown();
        }
        long answered = results.stream().filter(HabitAttemptTests::succeeded).count();
        System.out.printf(
                "500 concurrent recordHabitAttempt calls over HTTP: %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        assertThat(answered).isEqualTo(500);
        GraphQlTester.Response habit = progress(user, habitId, 2);
        habit.path("habit.attemptCount").entity(Integer.class).isEqualTo(500);
        habit.path("habit.successCount").entity(Integer.class).isEqualTo(successes);
        habit.path("habit.successRate").entity(Double.class).isEqualTo(0.7);
        int best = habit.path("habit.bestStreak").entity(Integer.class).get();
        int current = habit.path("habit.currentStreak").entity(Integer.class).get();
        // 350 successes split by 150 misses into at most 151 runs: the longest has at least ceil(350 / 151)
        assertThat(best).isBetween(3, successes);
        assertThat(current).isBetween(0, best);
        List<Integer> attemptsPerDay = habit.path("habit.history[*].attempts")
                .entityList(Integer.class)
                .get();
        List<Integer> successesPerDay = habit.path("habit.history[*].successes")
                .entityList(Integer.class)
                .get();
        assertThat(attemptsPerDay.stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
        assertThat(successesPerDay.stream().mapToInt(Integer::intValue).sum()).isEqualTo(successes);
        assertThat(habit.path("habit.strength").entity(Double.class).get()).isBetween(0.0, 1.0);
    }

    @Test
    void anotherUsersHabitAndMalformedIdsAreNotFoundAndCountNothing() {
        SignedIn owner = signUp();
        SignedIn other = signUp();
        String habitId = createHabit(owner);

        for (String id : List.of(habitId, new ObjectId().toHexString(), "not-an-id")) {
            assertSingleError(attempt(other, id, true), ErrorType.NOT_FOUND);
        }
        progress(owner, habitId, 1)
                .path("habit.attemptCount")
                .entity(Integer.class)
                .isEqualTo(0);
    }

    @Test
    void aHabitStoredBeforeStreaksExistedCountsItsStreaksFromZero() {
        SignedIn user = signUp();
        org.bson.types.ObjectId habitId = new org.bson.types.ObjectId();
        mongo.getCollection("habits")
                .insertOne(new org.bson.Document("_id", habitId)
                        .append("user_id", user.id())
                        .append("habit_type", "positive_routine")
                        .append("trigger", "alarm")
                        .append("routine", "stretch")
                        .append("reward", "energy")
                        .append("interrupt_protocol", new org.bson.Document("technique", "walk").append("duration", 60))
                        .append("success_count", 3)
                        .append("attempt_count", 5)
                        .append("created_at", new java.util.Date()));

        attempt(user, habitId.toHexString(), false).errors().verify();
        attempt(user, habitId.toHexString(), true).errors().verify();
        GraphQlTester.Response habit = attempt(user, habitId.toHexString(), true);

        habit.path("recordHabitAttempt.attemptCount").entity(Integer.class).isEqualTo(8);
        habit.path("recordHabitAttempt.currentStreak").entity(Integer.class).isEqualTo(2);
        habit.path("recordHabitAttempt.bestStreak").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void historyCoversOneToThreeHundredSixtySixDays() {
        SignedIn user = signUp();
        String habitId = createHabit(user);
        progress(user, habitId, 366)
                .path("habit.history")
                .entityList(Object.class)
                .hasSize(366);
        progress(user, habitId, null)
                .path("habit.history")
                .entityList(Object.class)
                .hasSize(30);
        assertSingleError(progress(user, habitId, 0), ErrorType.BAD_REQUEST);
        assertSingleError(progress(user, habitId, 367), ErrorType.BAD_REQUEST);
    }

    @Test
    void statsSumTheHabitsOverThePeriod() {
        SignedIn user = signUp();
        String first = createHabit(user);
        String second = createHabit(user);
        attempt(user, first, true);
        attempt(user, first, true);
        attempt(user, second, false);

        GraphQlTester.Response all = user.graphQl().documentName("habitStats").execute();
        all.path("me.stats.habits.habitCount").entity(Integer.class).isEqualTo(2);
        all.path("me.stats.habits.attempts").entity(Integer.class).isEqualTo(3);
        all.path("me.stats.habits.successes").entity(Integer.class).isEqualTo(2);
        all.path("me.stats.habits.bestStreak").entity(Integer.class).isEqualTo(2);
        all.path("me.stats.from").valueIsNull();

        GraphQlTester.Response future = user.graphQl()
                .documentName("habitStats")
                .variable("from", Instant.now().plus(2, ChronoUnit.DAYS).toString())
                .execute();
        future.path("me.stats.habits.attempts").entity(Integer.class).isEqualTo(0);
        future.path("me.stats.habits.successRate").valueIsNull();

        assertSingleError(
                user.graphQl()
                        .documentName("habitStats")
                        .variable("from", "2026-02-01T00:00:00Z")
                        .variable("to", "2026-01-01T00:00:00Z")
                        .execute(),
                ErrorType.BAD_REQUEST);
    }

    private String createHabit(SignedIn user) {
        return user.graphQl()
                .documentName("createHabit")
                .variable(
                        "input",
                        Map.of(
                                "habitType", "NEGATIVE_LOOP",
                                "trigger", "stress at work",
                                "routine", "scrolling social media",
                                "reward", "temporary distraction",
                                "interruptProtocol", Map.of("technique", "breathing_exercise", "durationSeconds", 60)))
                .execute()
                .path("createHabit.id")
                .entity(String.class)
                .get();
    }

    private static GraphQlTester.Response attempt(SignedIn user, String habitId, boolean success) {
        return user.graphQl()
                .documentName("recordHabitAttempt")
                .variable("input", Map.of("habitId", habitId, "success", success))
                .execute();
    }

    private static GraphQlTester.Response progress(SignedIn user, String habitId, Integer days) {
        return user.graphQl()
                .documentName("habitProgress")
                .variable("id", habitId)
                .variable("days", days)
                .execute();
    }

    private static boolean succeeded(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
