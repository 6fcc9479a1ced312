package app.brainbuddy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class DataModelTests extends GraphQlIntegrationTest {

    @Test
    void everyIndexOfTheDataModelExistsWithItsUniqueness() {
        assertThat(indexes("users")).contains("email unique", "created_at");
        assertThat(indexes("sessions")).contains("user_id", "module_type", "timestamp", "user_id,timestamp:-1");
        assertThat(indexes("brain_knowledge")).contains("stimulus_type", "outcome", "evidence_strength:-1");
        assertThat(indexes("user_models")).contains("user_id unique");
        assertThat(indexes("habits")).contains("user_id", "habit_type", "user_id,created_at");
    }

    @Test
    void theUniqueEmailIndexRefusesASecondDocumentWithTheSameEmail() {
        Document user = new Document("email", "raw-duplicate-" + System.nanoTime() + "@brainbuddy.test");
        mongo.getCollection("users").insertOne(new Document(user).append("_id", new ObjectId()));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> mongo.getCollection("users").insertOne(new Document(user).append("_id", new ObjectId())))
                .hasMessageContaining("E11000");
    }

    @Test
    void usersAndSessionsAreStoredWithTheFieldNamesAndLowercaseValuesOfTheExistingData() {
        SignedIn user = signUp();
        String sessionId = user.graphQl()
                .document(
                        "mutation { startSession(input: {moduleType: BRAINWAVE, brainwaveTarget: DELTA, durationSeconds: 1200}) { id } }")
                .execute()
                .path("startSession.id")
                .entity(String.class)
                .get();

        Document storedUser = mongo.getCollection("users")
                .find(new Document("_id", new ObjectId(user.id())))
                .first();
        assertThat(storedUser).isNotNull();
        assertThat(storedUser.keySet())
                .containsExactlyInAnyOrder(
                        "_id", "email", "hashed_password", "chronotype", "created_at", "privacy_settings");
        assertThat(storedUser.getString("chronotype")).isEqualTo("bear");
        assertThat(storedUser.get("created_at")).isInstanceOf(java.util.Date.class);

        Document session = mongo.getCollection("sessions")
                .find(new Document("_id", new ObjectId(sessionId)))
                .first();
        assertThat(session).isNotNull();
        assertThat(session)
                .containsEntry("user_id", user.id())
                .containsEntry("module_type", "brainwave")
                .containsEntry("brainwave_target", "delta")
                .containsEntry("duration_seconds", 1200)
                .containsKeys("generated_content", "timestamp");
        assertThat(session.get("generated_content", Document.class)).containsEntry("duration", 1200);
    }

    @Test
    void documentsShapedLikeTheExistingDataAreReadable() {
        SignedIn user = signUp();
        ObjectId habitId = new ObjectId();
        mongo.getCollection("habits")
                .insertOne(new Document("_id", habitId)
                        .append("user_id", user.id())
                        .append("habit_type", "negative_loop")
                        .append("trigger", "stress at work")
                        .append("routine", "scrolling social media")
                        .append("reward", "temporary distraction")
                        .append(
                                "interrupt_protocol",
                                new Document("technique", "breathing_exercise").append("duration", 60))
                        .append("success_count", 12)
                        .append("attempt_count", 20)
                        .append("created_at", new java.util.Date()));
        ObjectId sessionId = new ObjectId();
        mongo.getCollection("sessions")
                .insertOne(new Document("_id", sessionId)
                        .append("user_id", user.id())
                        .append("module_type", "brainwave")
                        .append("brainwave_target", "alpha")
                        .append("generated_content", new Document("frequency", 10.5).append("duration", 600))
                        .append("user_rating", 4)
                        .append("effectiveness_score", 0.85)
                        .append("timestamp", new java.util.Date())
                        .append("duration_seconds", 600));

        var habit = user.graphQl()
                .document(
                        "query($id: ID!) { habit(id: $id) { successRate currentStreak bestStreak strength history(days: 1) { attempts } } }")
                .variable("id", habitId.toHexString())
                .execute();
        habit.path("habit.successRate").entity(Double.class).isEqualTo(0.6);
        habit.path("habit.currentStreak").entity(Integer.class).isEqualTo(0);
        habit.path("habit.strength").entity(Double.class).isEqualTo(0.0);

        var session = user.graphQl()
                .document(
                        "query($id: ID!) { session(id: $id) { brainwaveTarget userRating effectivenessScore generatedContent } }")
                .variable("id", sessionId.toHexString())
                .execute();
        session.path("session.brainwaveTarget").entity(String.class).isEqualTo("ALPHA");
        session.path("session.userRating").entity(Integer.class).isEqualTo(4);
        session.path("session.generatedContent.frequency").entity(Double.class).isEqualTo(10.5);
    }

    /** Each index as "key1,key2:-1", with " unique" when it is unique; the _id index left out. */
    private List<String> indexes(String collection) {
        List<String> described = new ArrayList<>();
        for (Document index : mongo.getCollection(collection).listIndexes()) {
            Document keys = index.get("key", Document.class);
            if (keys.containsKey("_id")) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Object> key : keys.entrySet()) {
                int direction = ((Number) key.getValue()).intValue();
                parts.add(direction == 1 ? key.getKey() : key.getKey() + ":" + direction);
            }
            described.add(String.join(",", parts) + (Boolean.TRUE.equals(index.getBoolean("unique")) ? " unique" : ""));
        }
        return described;
    }
}
