package app.brainbuddy.habit;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

class HabitTests extends GraphQlIntegrationTest {

    @Test
    void createHabitStartsTheLoopWithNoAttempts() {
        SignedIn user = signUp();
        GraphQlTester.Response habit = create(user, habit("NEGATIVE_LOOP"));

        habit.path("createHabit.habitType").entity(String.class).isEqualTo("NEGATIVE_LOOP");
        habit.path("createHabit.trigger").entity(String.class).isEqualTo("stress at work");
        habit.path("createHabit.interruptProtocol.technique")
                .entity(String.class)
                .isEqualTo("breathing_exercise");
        habit.path("createHabit.interruptProtocol.durationSeconds")
                .entity(Integer.class)
                .isEqualTo(60);
        habit.path("createHabit.attemptCount").entity(Integer.class).isEqualTo(0);
        habit.path("createHabit.successCount").entity(Integer.class).isEqualTo(0);
        habit.path("createHabit.successRate").valueIsNull();
        habit.path("createHabit.user.id").entity(String.class).isEqualTo(user.id());
    }

    @Test
    void invalidHabitsAreRefusedAndWriteNothing() {
        SignedIn user = signUp();
        long habits = count("habits");
        List<Map<String, Object>> refused = List.of(
                with(habit("NEGATIVE_LOOP"), "trigger", "   "),
                with(habit("NEGATIVE_LOOP"), "routine", "x".repeat(201)),
                with(habit("NEGATIVE_LOOP"), "interruptProtocol", Map.of("technique", "walk", "durationSeconds", 4)),
                with(habit("NEGATIVE_LOOP"), "interruptProtocol", Map.of("technique", "walk", "durationSeconds", 3601)),
                with(habit("NEGATIVE_LOOP"), "interruptProtocol", Map.of("technique", "", "durationSeconds", 60)),
                habit("GOOD_VIBES"));
        for (Map<String, Object> input : refused) {
            assertSingleError(create(user, input), ErrorType.BAD_REQUEST);
        }
        assertThat(count("habits")).isEqualTo(habits);
    }

    @Test
    void habitsCanBeListedByType() {
        SignedIn user = signUp();
        create(user, habit("NEGATIVE_LOOP"));
        create(user, habit("POSITIVE_ROUTINE"));
        create(user, habit("POSITIVE_ROUTINE"));

        String document = "query($type: HabitType) { me { habits(habitType: $type) { habitType } } }";
        user.graphQl()
                .document(document)
                .execute()
                .path("me.habits")
                .entityList(Object.class)
                .hasSize(3);
        user.graphQl()
                .document(document)
                .variable("type", "POSITIVE_ROUTINE")
                .execute()
                .path("me.habits[*].habitType")
                .entityList(String.class)
                .containsExactly("POSITIVE_ROUTINE", "POSITIVE_ROUTINE");
    }

    @Test
    void anotherUsersHabitIsNotFound() {
        SignedIn owner = signUp();
        SignedIn other = signUp();
        String habitId = create(owner, habit("NEGATIVE_LOOP"))
                .path("createHabit.id")
                .entity(String.class)
                .get();

        for (String id : List.of(habitId, new ObjectId().toHexString())) {
            var response = other.graphQl()
                    .document("query($id: ID!) { habit(id: $id) { id trigger } }")
                    .variable("id", id)
                    .execute();
            assertSingleError(response, ErrorType.NOT_FOUND);
            response.path("habit").valueIsNull();
        }
    }

    @Test
    void theStoredHabitKeepsTheFieldNamesOfTheExistingData() {
        SignedIn user = signUp();
        String habitId = create(user, habit("NEGATIVE_LOOP"))
                .path("createHabit.id")
                .entity(String.class)
                .get();

        Document stored = mongo.getCollection("habits")
                .find(new Document("_id", new ObjectId(habitId)))
                .first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("user_id")).isEqualTo(user.id());
        assertThat(stored.getString("habit_type")).isEqualTo("negative_loop");
        assertThat(stored.get("interrupt_protocol", Document.class))
                .containsEntry("technique", "breathing_exercise")
                .containsEntry("duration", 60);
        assertThat(stored.keySet())
                .containsExactlyInAnyOrder(
                        "_id",
                        "user_id",
                        "habit_type",
                        "trigger",
                        "routine",
                        "reward",
                        "interrupt_protocol",
                        "success_count",
                        "attempt_count",
                        "current_streak",
                        "best_streak",
                        "days",
                        "attempt_log",
                        "created_at");
    }

    @Test
    void updateHabitChangesOnlyTheGivenPartsAndKeepsTheAttempts() {
        SignedIn user = signUp();
        String habitId = id(create(user, habit("NEGATIVE_LOOP")));
        user.graphQl()
                .document("mutation($id: ID!) { recordHabitAttempt(input: {habitId: $id, success: true}) { id } }")
                .variable("id", habitId)
                .execute();

        GraphQlTester.Response updated = update(
                user,
                Map.of(
                        "id",
                        habitId,
                        "routine",
                        "  a short walk  ",
                        "interruptProtocol",
                        Map.of("technique", "cyclic_sighing", "durationSeconds", 300)));

        updated.path("updateHabit.routine").entity(String.class).isEqualTo("a short walk");
        updated.path("updateHabit.trigger").entity(String.class).isEqualTo("stress at work");
        updated.path("updateHabit.habitType").entity(String.class).isEqualTo("NEGATIVE_LOOP");
        updated.path("updateHabit.interruptProtocol.durationSeconds")
                .entity(Integer.class)
                .isEqualTo(300);
        updated.path("updateHabit.attemptCount").entity(Integer.class).isEqualTo(1);
        update(user, Map.of("id", habitId, "habitType", "POSITIVE_ROUTINE"))
                .path("updateHabit.habitType")
                .entity(String.class)
                .isEqualTo("POSITIVE_ROUTINE");
    }

    @Test
    void invalidUpdatesAreRefusedAndChangeNothing() {
        SignedIn user = signUp();
        String habitId = id(create(user, habit("NEGATIVE_LOOP")));
        Document before = stored(habitId);
        List<Map<String, Object>> refused = List.of(
                Map.of("id", habitId),
                Map.of("id", habitId, "trigger", " "),
                Map.of("id", habitId, "reward", "x".repeat(201)),
                Map.of("id", habitId, "interruptProtocol", Map.of("technique", "walk", "durationSeconds", 3601)),
                Map.of("id", habitId, "habitType", "SOMETIMES"));
        for (Map<String, Object> input : refused) {
            assertSingleError(update(user, input), ErrorType.BAD_REQUEST);
        }
        assertThat(stored(habitId)).isEqualTo(before);
    }

    @Test
    void anotherUsersHabitCanBeNeitherUpdatedNorDeleted() {
        SignedIn owner = signUp();
        SignedIn other = signUp();
        String habitId = id(create(owner, habit("NEGATIVE_LOOP")));
        Document before = stored(habitId);

        assertSingleError(update(other, Map.of("id", habitId, "trigger", "mine now")), ErrorType.NOT_FOUND);
        assertSingleError(delete(other, habitId), ErrorType.NOT_FOUND);
        assertThat(stored(habitId)).isEqualTo(before);
    }

    @Test
    void deleteHabitRemovesItOnce() {
        SignedIn user = signUp();
        String habitId = id(create(user, habit("POSITIVE_ROUTINE")));

        delete(user, habitId).path("deleteHabit").entity(String.class).isEqualTo(habitId);

        assertThat(stored(habitId)).isNull();
        GraphQlTester.Response again = delete(user, habitId);
        assertSingleError(again, ErrorType.NOT_FOUND);
        again.errors().satisfy(errors -> assertThat(errors.get(0).getPath()).isEqualTo("deleteHabit"));
    }

    private static GraphQlTester.Response update(SignedIn user, Map<String, Object> input) {
        return user.graphQl()
                .documentName("updateHabit")
                .variable("input", input)
                .execute();
    }

    private static GraphQlTester.Response delete(SignedIn user, String id) {
        return user.graphQl()
                .document("mutation($id: ID!) { deleteHabit(id: $id) }")
                .variable("id", id)
                .execute();
    }

    private static String id(GraphQlTester.Response created) {
        return created.path("createHabit.id").entity(String.class).get();
    }

    private Document stored(String habitId) {
        return mongo.getCollection("habits")
                .find(new Document("_id", new ObjectId(habitId)))
                .first();
    }

    private static GraphQlTester.Response create(SignedIn user, Map<String, Object> input) {
        return user.graphQl()
                .documentName("createHabit")
                .variable("input", input)
                .execute();
    }

    private static Map<String, Object> habit(String type) {
        return Map.of(
                "habitType", type,
                "trigger", "stress at work",
                "routine", "scrolling social media",
                "reward", "temporary distraction",
                "interruptProtocol", Map.of("technique", "breathing_exercise", "durationSeconds", 60));
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(key, value);
        return changed;
    }
}
