package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Through the API: seeded random interleavings of rating, re-rating, syncing a batch and retrying a batch end in the
 * model a fresh rebuild makes, holding exactly the ratings stored in {@code sessions}.
 */
class LearningLoopPropertyTests extends GraphQlIntegrationTest {

    static final int CASES = 8;
    static final int OPERATIONS = 10;

    @Autowired
    private ModelCipher cipher;

    @Autowired
    private ModelTraining training;

    @Test
    void anyInterleavingOfRatingsAndSyncRetriesEndsInTheModelARebuildMakes() {
        for (int seed = 0; seed < CASES; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            SignedIn user = signUp();
            List<String> sessions = new ArrayList<>();
            List<List<Map<String, Object>>> batches = new ArrayList<>();
            for (int op = 0; op < OPERATIONS; op++) {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        sessions.add(startSession(user, random.nextBoolean() ? "MOVERS" : "PFC_GYM"));
                        rate(user, sessions.get(sessions.size() - 1), random);
                    }
                    case 1 -> {
                        if (!sessions.isEmpty()) {
                            rate(user, sessions.get(random.nextInt(sessions.size())), random);
                        }
                    }
                    case 2 -> {
                        List<Map<String, Object>> batch = batch(random);
                        batch.forEach(item -> sessions.add((String) item.get("id")));
                        batches.add(batch);
                        ModelTestSupport.recordAll(user.graphQl(), batch);
                    }
                    default -> {
                        if (!batches.isEmpty()) {
                            ModelTestSupport.recordAll(
                                    user.graphQl(), batches.get(random.nextInt(batches.size()))); // a retry
                        }
                    }
                }
            }

            Map<String, Integer> storedRatings = storedRatings(user.id());
            if (storedRatings.isEmpty()) {
                assertThat(mongo.getCollection("user_models").countDocuments(new Document("user_id", user.id())))
                        .isZero();
                continue;
            }
            PersonalModel learned = ModelTestSupport.storedModel(mongo, cipher, user.id());
            mongo.getCollection("user_models").deleteOne(new Document("user_id", user.id()));
            PersonalModel rebuilt = training.sync(user.id(), Set.of());

            assertThat(learned.learned()).as("seed %d", seed).isEqualTo(storedRatings);
            assertThat(learned.steps()).as("seed %d", seed).isEqualTo(storedRatings.size());
            // to the byte: ratings of the newest session were learned on top of the held model, the rest rebuilt it
            assertThat(learned.serialize()).as("seed %d", seed).isEqualTo(rebuilt.serialize());
        }
    }

    private static void rate(SignedIn user, String sessionId, SplittableRandom random) {
        user.graphQl()
                .documentName("rateSession")
                .variable(
                        "input",
                        Map.of("sessionId", sessionId, "rating", 1 + random.nextInt(5), "effectivenessScore", 0.5))
                .execute()
                .path("rateSession.id")
                .entity(String.class)
                .isEqualTo(sessionId);
    }

    private static List<Map<String, Object>> batch(SplittableRandom random) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", new ObjectId().toHexString());
            item.put("moduleType", "BRAINWAVE");
            item.put("brainwaveTarget", random.nextBoolean() ? "ALPHA" : "THETA");
            item.put("durationSeconds", 300 + 300 * random.nextInt(3));
            item.put("timestamp", "2026-11-0" + (1 + random.nextInt(9)) + "T0" + random.nextInt(10) + ":00:00Z");
            if (random.nextInt(4) > 0) {
                item.put("userRating", 1 + random.nextInt(5));
                item.put("effectivenessScore", 0.5);
            }
            batch.add(item);
        }
        return batch;
    }

    /** Session id → rating, as {@code sessions} holds them: the oracle, read without the application's code. */
    private Map<String, Integer> storedRatings(String userId) {
        Map<String, Integer> ratings = new HashMap<>();
        mongo.getCollection("sessions")
                .find(new Document("user_id", userId).append("user_rating", new Document("$ne", null)))
                .forEach(session ->
                        ratings.put(session.getObjectId("_id").toHexString(), session.getInteger("user_rating")));
        return ratings;
    }
}
