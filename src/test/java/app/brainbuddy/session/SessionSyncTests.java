package app.brainbuddy.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.RecordedRatings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Offline sync through {@code recordSessions}: all or nothing, and a retry never stores twice. */
class SessionSyncTests extends GraphQlIntegrationTest {

    private static final Instant YESTERDAY =
            Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    private RecordedRatings ratings;

    @Test
    void storesTheBatchInOrderAndHandsItsRatingsToThePersonalModel() {
        SignedIn user = signUp();
        String deviceId = new ObjectId().toHexString();
        Map<String, Object> brainwave = item(deviceId, "BRAINWAVE", "THETA", 900);
        brainwave.put("generatedContent", Map.of("frequency", 6.0, "carrier_frequency", 250));
        brainwave.put("userRating", 4);
        brainwave.put("effectivenessScore", 0.75);
        Map<String, Object> movers = item(null, "MOVERS", null, 300);

        GraphQlTester.Response response = record(user, List.of(brainwave, movers));

        response.path("recordSessions[0].id").entity(String.class).isEqualTo(deviceId);
        response.path("recordSessions[0].generatedContent.frequency")
                .entity(Double.class)
                .isEqualTo(6.0);
        response.path("recordSessions[0].generatedContent.duration")
                .entity(Integer.class)
                .isEqualTo(900);
        response.path("recordSessions[0].userRating").entity(Integer.class).isEqualTo(4);
        response.path("recordSessions[0].timestamp").entity(String.class).isEqualTo(YESTERDAY.toString());
        response.path("recordSessions[1].moduleType").entity(String.class).isEqualTo("MOVERS");
        response.path("recordSessions[1].generatedContent.duration")
                .entity(Integer.class)
                .isEqualTo(300);
        response.path("recordSessions[1].userRating").valueIsNull();
        assertThat(storedCount(user)).isEqualTo(2);
        Document stored = mongo.getCollection("sessions")
                .find(new Document("_id", new ObjectId(deviceId)))
                .first();
        assertThat(stored).containsEntry("user_id", user.id()).containsEntry("brainwave_target", "theta");
        assertThat(ratings.of(user.id()))
                .singleElement()
                .satisfies(rated -> assertThat(rated.id()).isEqualTo(deviceId));
    }

    @Test
    void aRetriedBatchStoresNothingTwiceAndAnswersTheStoredSessions() {
        SignedIn user = signUp();
        List<Map<String, Object>> first =
                List.of(rated(item(newId(), "PFC_GYM", null, 600)), item(newId(), "MOVERS", null, 120));
        List<String> firstIds = ids(record(user, first));

        List<Map<String, Object>> retry = new ArrayList<>(first);
        retry.add(item(newId(), "MENTAL_REHEARSAL", null, 240));
        List<String> retriedIds = ids(record(user, retry));
        List<String> againIds = ids(record(user, retry));

        assertThat(retriedIds).hasSize(3).startsWith(firstIds.toArray(String[]::new));
        assertThat(againIds).isEqualTo(retriedIds);
        assertThat(storedCount(user)).isEqualTo(3);
        // the personal model hears of the stored rating at every call (a lost reply's retry included) and learns it
        // once
        assertThat(ratings.of(user.id()))
                .hasSize(3)
                .extracting(TrainingSession::id)
                .containsOnly(firstIds.get(0));
        user.graphQl()
                .document("{ me { model { trainingSteps } } }")
                .execute()
                .path("me.model.trainingSteps")
                .entity(Integer.class)
                .isEqualTo(1);
    }

    @Test
    void oneBadItemRejectsTheWholeBatchNamingItsIndexAndWritesNothing() {
        SignedIn user = signUp();
        String stored = newId();
        record(user, List.of(item(stored, "MOVERS", null, 300)))
                .path("recordSessions[0].id")
                .hasValue();
        String othersId = newId();
        record(signUp(), List.of(item(othersId, "MOVERS", null, 300)))
                .path("recordSessions[0].id")
                .hasValue();

        List<Consumer<Map<String, Object>>> spoilers = List.of(
                bad -> bad.put("durationSeconds", 59),
                bad -> bad.put("durationSeconds", 7201),
                bad -> bad.put("moduleType", "BRAINWAVE"),
                bad -> bad.put("brainwaveTarget", "ALPHA"),
                bad -> rated(bad).put("userRating", 0),
                bad -> rated(bad).put("userRating", 6),
                bad -> rated(bad).put("effectivenessScore", -0.1),
                bad -> rated(bad).put("effectivenessScore", 1.1),
                bad -> bad.put("userRating", 3),
                bad -> bad.put(
                        "timestamp", Instant.now().plus(Duration.ofHours(1)).toString()),
                bad -> bad.put("id", "not-an-object-id"),
                bad -> bad.put("id", othersId),
                bad -> bad.put("generatedContent", Map.of("duration", 30)),
                bad -> bad.put("generatedContent", Map.of("$where", "sleep(1000)")),
                bad -> bad.put("generatedContent", Map.of("a.b", 1)),
                bad -> bad.put("generatedContent", Map.of("notes", "x".repeat(70_000))),
                bad -> {
                    bad.putAll(item(null, "BRAINWAVE", "GAMMA", 300));
                    bad.put("generatedContent", Map.of("frequency", 12.0));
                });
        long before = count("sessions");
        for (Consumer<Map<String, Object>> spoiler : spoilers) {
            Map<String, Object> bad = item(newId(), "MOVERS", null, 300);
            spoiler.accept(bad);
            List<Map<String, Object>> batch =
                    List.of(item(newId(), "MOVERS", null, 300), item(stored, "MOVERS", null, 300), bad);

            GraphQlTester.Response response = record(user, batch);

            assertSingleError(response, ErrorType.BAD_REQUEST);
            response.errors()
                    .satisfy(errors -> assertThat(errors.get(0).getMessage())
                            .as("error for %s", bad)
                            .contains("input[2]"));
        }
        assertThat(count("sessions")).isEqualTo(before);
        assertThat(ratings.of(user.id())).isEmpty();
    }

    @Test
    void aTargetThatDoesNotFitItsModuleIsRefusedNamingTheItemsTargetField() {
        SignedIn user = signUp();
        GraphQlTester.Response response =
                record(user, List.of(item(newId(), "BRAINWAVE", "ALPHA", 300), item(newId(), "MOVERS", "ALPHA", 300)));
        assertSingleError(response, ErrorType.BAD_REQUEST);
        response.errors()
                .satisfy(errors -> assertThat(errors.get(0).getMessage())
                        .isEqualTo("Invalid input: input[1].brainwaveTarget is required for BRAINWAVE sessions"
                                + " and not allowed for other modules"));
        assertThat(storedCount(user)).isZero();
    }

    @Test
    void anIdGivenTwiceInOneBatchIsRefused() {
        SignedIn user = signUp();
        String id = newId();
        GraphQlTester.Response response =
                record(user, List.of(item(id, "MOVERS", null, 300), item(id, "PFC_GYM", null, 300)));
        assertSingleError(response, ErrorType.BAD_REQUEST);
        response.errors()
                .satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("input[1].id repeats input[0].id"));
        assertThat(storedCount(user)).isZero();
    }

    @Test
    void storesFiveHundredItemsInOneInsertAndRefusesMore() {
        SignedIn user = signUp();
        List<Map<String, Object>> batch = IntStream.range(0, 501)
                .mapToObj(i -> item(newId(), i % 2 == 0 ? "MOVERS" : "PFC_GYM", null, 60 + i))
                .toList();

        // as a syncing device asks: the ids only (asking every stored field of 500 sessions back costs past the limit)
        assertSingleError(recordAskingIds(user, batch), ErrorType.BAD_REQUEST);
        assertThat(storedCount(user)).isZero();

        List<String> ids = new ArrayList<>();
        var commands = mongoCommands.during(() -> ids.addAll(ids(recordAskingIds(user, batch.subList(0, 500)))));

        assertThat(ids).hasSize(500);
        assertThat(storedCount(user)).isEqualTo(500);
        assertThat(commands)
                .filteredOn(command ->
                        command.name().equals("insert") && command.collection().equals("sessions"))
                .singleElement()
                .satisfies(insert ->
                        assertThat(insert.document().getArray("documents")).hasSize(500));
    }

    private GraphQlTester.Response record(SignedIn user, List<Map<String, Object>> input) {
        return user.graphQl()
                .documentName("recordSessions")
                .variable("input", input)
                .execute();
    }

    private GraphQlTester.Response recordAskingIds(SignedIn user, List<Map<String, Object>> input) {
        return user.graphQl()
                .document("mutation($input: [RecordSessionInput!]!) { recordSessions(input: $input) { id } }")
                .variable("input", input)
                .execute();
    }

    private static Map<String, Object> item(String id, String moduleType, String target, int seconds) {
        Map<String, Object> item = new HashMap<>();
        if (id != null) {
            item.put("id", id);
        }
        item.put("moduleType", moduleType);
        if (target != null) {
            item.put("brainwaveTarget", target);
        }
        item.put("durationSeconds", seconds);
        item.put("timestamp", YESTERDAY.toString());
        return item;
    }

    private static Map<String, Object> rated(Map<String, Object> item) {
        item.put("userRating", 5);
        item.put("effectivenessScore", 0.9);
        return item;
    }

    private static String newId() {
        return new ObjectId().toHexString();
    }

    private static List<String> ids(GraphQlTester.Response response) {
        return response.path("recordSessions[*].id").entityList(String.class).get();
    }

    private long storedCount(SignedIn user) {
        return mongo.getCollection("sessions").countDocuments(new Document("user_id", user.id()));
    }
}
