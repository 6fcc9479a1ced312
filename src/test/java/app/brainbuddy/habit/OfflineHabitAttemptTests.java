package app.brainbuddy.habit;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Attempts made on a device that was offline or lost the reply: logged late, retried, out of order. */
class OfflineHabitAttemptTests extends GraphQlIntegrationTest {

    @Test
    void aRetriedAttemptCountsOnce() {
        SignedIn user = signUp();
        String habitId = createHabit(user);
        Map<String, Object> attempt =
                Map.of("habitId", habitId, "success", true, "clientId", new ObjectId().toHexString());

        for (int i = 0; i < 3; i++) {
            GraphQlTester.Response answer = user.graphQl()
                    .documentName("recordHabitAttempt")
                    .variable("input", attempt)
                    .execute();
            answer.path("recordHabitAttempt.attemptCount").entity(Integer.class).isEqualTo(1);
        }
        record(user, List.of(attempt, attempt(habitId, false, Instant.now())))
                .path("recordHabitAttempts[0].attemptCount")
                .entity(Integer.class)
                .isEqualTo(2);
    }

    @Test
    void aBackDatedMissLandsOnItsDayAndSplitsTheStreakItHappenedIn() {
        SignedIn user = signUp();
        String habitId = createHabit(user);
        Instant now = Instant.now();
        List<Map<String, Object>> fourDaysOfSuccess = IntStream.rangeClosed(1, 4)
                .mapToObj(daysAgo -> attempt(habitId, true, now.minus(Duration.ofDays(daysAgo))))
                .toList();
        GraphQlTester.Response before = record(user, fourDaysOfSuccess);
        before.path("recordHabitAttempts[0].currentStreak")
                .entity(Integer.class)
                .isEqualTo(4);
        before.path("recordHabitAttempts[0].bestStreak").entity(Integer.class).isEqualTo(4);

        // arrives last, happened between the third and the second day back
        Instant missedAt = now.minus(Duration.ofDays(2)).minus(Duration.ofHours(12));
        GraphQlTester.Response after = record(user, List.of(attempt(habitId, false, missedAt)));

        after.path("recordHabitAttempts[0].attemptCount").entity(Integer.class).isEqualTo(5);
        after.path("recordHabitAttempts[0].currentStreak").entity(Integer.class).isEqualTo(2);
        after.path("recordHabitAttempts[0].bestStreak").entity(Integer.class).isEqualTo(2);
        after.path("recordHabitAttempts[0].lastAttemptAt")
                .entity(Instant.class)
                .isEqualTo(now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
        GraphQlTester.Response history = progress(user, habitId);
        int missedDay = 6 - (int) ChronoUnit.DAYS.between(dayOf(missedAt), dayOf(now));
        // 2.5 days back is the day of the success 2 days back (after noon UTC) or of the one 3 days back
        // (before noon): either way that day holds one success and the miss
        history.path("habit.history[%d].attempts".formatted(missedDay))
                .entity(Integer.class)
                .isEqualTo(2);
        history.path("habit.history[%d].successes".formatted(missedDay))
                .entity(Integer.class)
                .isEqualTo(1);
        history.path("habit.history[6].attempts").entity(Integer.class).isEqualTo(0);
    }

    static Stream<Arguments> badBatches() {
        Instant now = Instant.now();
        return Stream.of(
                bad(
                        "an attempt more than 5 minutes ahead",
                        "input[1].occurredAt",
                        id -> List.of(attempt(id, true, now), attempt(id, true, now.plus(Duration.ofMinutes(6))))),
                bad(
                        "an attempt older than 90 days",
                        "input[1].occurredAt",
                        id -> List.of(attempt(id, true, now), attempt(id, true, now.minus(Duration.ofDays(91))))),
                bad(
                        "a client id that is not an ObjectId",
                        "input[0].clientId",
                        id -> List.of(Map.of("habitId", id, "success", true, "clientId", "phone-1"))),
                bad("a client id given twice", "input[2].clientId", id -> {
                    Map<String, Object> attempt = attempt(id, true, now);
                    return List.of(attempt, attempt(id, false, now), attempt);
                }),
                bad(
                        "more than 500 attempts",
                        "501",
                        id -> Collections.nCopies(501, Map.of("habitId", id, "success", true))),
                bad("no attempts", "not 0", id -> List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBatches")
    void aBatchWithABadAttemptIsRefusedNamingItAndRecordsNothing(
            Function<String, List<Map<String, Object>>> batch, String named) {
        SignedIn user = signUp();
        String habitId = createHabit(user);

        GraphQlTester.Response answer = record(user, batch.apply(habitId));

        assertSingleError(answer, ErrorType.BAD_REQUEST);
        answer.errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).contains(named));
        assertThat(stored(habitId).getInteger("attempt_count")).isZero();
    }

    @Test
    void aBatchWithAnotherPersonsHabitIsNotFoundNamingItAndRecordsNothing() {
        SignedIn user = signUp();
        String own = createHabit(user);
        String others = createHabit(signUp());

        GraphQlTester.Response answer =
                record(user, List.of(attempt(own, true, Instant.now()), attempt(others, true, Instant.now())));

        assertSingleError(answer, ErrorType.NOT_FOUND);
        answer.errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).startsWith("input[1].habitId"));
        assertThat(stored(own).getInteger("attempt_count")).isZero();
        assertThat(stored(others).getInteger("attempt_count")).isZero();
    }

    /**
     * 500 requests at once from two devices: 350 attempts of today in a known order, 50 logged days
     * late, and 100 of them sent a second time after a lost reply. Every attempt counts once, on its
     * own day, and the streaks are those of the attempts in the order they happened.
     */
    @Test
    void fiveHundredConcurrentAttemptsWithRetriesAndBackDatedOnesAreExact() throws Exception {
        SignedIn user = signUp();
        String habitId = createHabit(user);
        Random random = new Random(21);
        Instant start = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MILLIS);
        List<Map<String, Object>> distinct = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Instant occurredAt = i < 50
                    ? start.minus(Duration.ofDays(1 + random.nextInt(20))).plusMillis(i)
                    : start.plusMillis(i);
            distinct.add(attempt(habitId, random.nextInt(10) < 7, occurredAt));
        }
        List<Map<String, Object>> sent = new ArrayList<>(distinct);
        IntStream.range(0, 100).forEach(i -> sent.add(distinct.get(random.nextInt(distinct.size()))));
        Collections.shuffle(sent, random);

        // a shared, busy machine may queue 500 requests for longer than a client's usual 5 s
        GraphQlTester patient = HttpGraphQlTester.create(
                        http().mutate().responseTimeout(Duration.ofMinutes(2)).build())
                .mutate()
                .header("Authorization", "Bearer " + user.token())
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        List<Future<Boolean>> answers;
        try {
            answers = pool.invokeAll(sent.stream()
                    .<Callable<Boolean>>map(attempt -> () -> user.graphQl()
                                    .documentName("recordHabitAttempt")
                                    .variable("input", attempt)
                                    .execute()
                                    .path("recordHabitAttempt.id")
                                    .hasValue()
                            != null)
                    .toList());
        } finally {
            pool.shutdown();
        }
        for (Future<Boolean> answer : answers) {
            assertThat(answer.get()).isTrue();
        }

        Expected expected = Expected.of(distinct);
        GraphQlTester.Response habit = progress(user, habitId, 30);
        habit.path("habit.attemptCount").entity(Integer.class).isEqualTo(400);
        habit.path("habit.successCount").entity(Integer.class).isEqualTo(expected.successes());
        habit.path("habit.currentStreak").entity(Integer.class).isEqualTo(expected.current());
        habit.path("habit.bestStreak").entity(Integer.class).isEqualTo(expected.best());
        habit.path("habit.lastAttemptAt").entity(Instant.class).isEqualTo(expected.last());
        Map<String, Integer> attemptsByDay = new TreeMap<>();
        Map<String, Integer> successesByDay = new TreeMap<>();
        habit.path("habit.history").entityList(HistoryDay.class).get().stream()
                .filter(day -> day.attempts() > 0)
                .forEach(day -> {
                    attemptsByDay.put(day.date(), day.attempts());
                    successesByDay.put(day.date(), day.successes());
                });
        assertThat(attemptsByDay).isEqualTo(expected.attemptsByDay());
        assertThat(successesByDay).isEqualTo(expected.successesByDay());
        Document stored = stored(habitId);
        assertThat(stored.getInteger("attempt_count")).isEqualTo(400);
        assertThat(stored.getInteger("success_count")).isEqualTo(expected.successes());
        assertThat(stored.get("attempt_log", Document.class)).hasSize(400);
    }

    /** What the distinct attempts add up to, counted here from the inputs alone. */
    private record Expected(
            int successes,
            int current,
            int best,
            Instant last,
            Map<String, Integer> attemptsByDay,
            Map<String, Integer> successesByDay) {

        static Expected of(List<Map<String, Object>> attempts) {
            List<Map<String, Object>> inTime = attempts.stream()
                    .sorted(Comparator.comparing((Map<String, Object> attempt) -> occurredAt(attempt)))
                    .toList();
            int successes = 0;
            int run = 0;
            int best = 0;
            Map<String, Integer> attemptsByDay = new TreeMap<>();
            Map<String, Integer> successesByDay = new TreeMap<>();
            for (Map<String, Object> attempt : inTime) {
                boolean success = (Boolean) attempt.get("success");
                String day = dayOf(occurredAt(attempt)).toString();
                attemptsByDay.merge(day, 1, Integer::sum);
                successesByDay.merge(day, success ? 1 : 0, Integer::sum);
                successes += success ? 1 : 0;
                run = success ? run + 1 : 0;
                best = Math.max(best, run);
            }
            return new Expected(
                    successes, run, best, occurredAt(inTime.get(inTime.size() - 1)), attemptsByDay, successesByDay);
        }

        private static Instant occurredAt(Map<String, Object> attempt) {
            return Instant.parse((String) attempt.get("occurredAt"));
        }
    }

    record HistoryDay(String date, int attempts, int successes) {}

    private static Arguments bad(String name, String named, Function<String, List<Map<String, Object>>> batch) {
        return Arguments.of(Named.of(name, batch), named);
    }

    static Map<String, Object> attempt(String habitId, boolean success, Instant occurredAt) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("habitId", habitId);
        attempt.put("success", success);
        attempt.put("clientId", new ObjectId().toHexString());
        attempt.put("occurredAt", occurredAt.truncatedTo(ChronoUnit.MILLIS).toString());
        return attempt;
    }

    private static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private Document stored(String habitId) {
        return mongo.getCollection("habits")
                .find(new Document("_id", new ObjectId(habitId)))
                .first();
    }

    private static GraphQlTester.Response record(SignedIn user, List<Map<String, Object>> attempts) {
        return user.graphQl()
                .documentName("recordHabitAttempts")
                .variable("input", attempts)
                .execute();
    }

    private static GraphQlTester.Response progress(SignedIn user, String habitId) {
        return progress(user, habitId, 7);
    }

    private static GraphQlTester.Response progress(SignedIn user, String habitId, int days) {
        return user.graphQl()
                .documentName("habitProgress")
                .variable("id", habitId)
                .variable("days", days)
                .execute();
    }

    static String createHabit(SignedIn user) {
        return user.graphQl()
                .documentName("createHabit")
                .variable(
                        "input",
                        Map.of(
                                "habitType", "POSITIVE_ROUTINE",
                                "trigger", "morning alarm",
                                "routine", "ten minutes of stretching",
                                "reward", "energy",
                                "interruptProtocol", Map.of("technique", "stretch", "durationSeconds", 60)))
                .execute()
                .path("createHabit.id")
                .entity(String.class)
                .get();
    }
}
