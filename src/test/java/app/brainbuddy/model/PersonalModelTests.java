package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.MongoCommands;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The personal model as a client meets it: trained by ratings, stored encrypted, recommending sessions. */
class PersonalModelTests extends GraphQlIntegrationTest {

    @Autowired
    private ModelCipher cipher;

    @Test
    void aNewUserGetsAConcreteRecommendationThatStartSessionTakesUnchanged() {
        SignedIn user = signUp();

        GraphQlTester.Response recommendation = user.graphQl()
                .documentName("recommendSession")
                .variable("moduleType", "BRAINWAVE")
                .execute();

        Map<String, Object> recommended =
                recommendation.path("recommendSession").entity(Map.class).get();
        assertThat(recommended).containsEntry("moduleType", "BRAINWAVE").containsEntry("phase", "DEVELOPMENTAL");
        // a bear: alerting bands in the 10-14 peak, alpha after work, theta and delta before bed
        String window = switch ((String) recommended.get("brainwaveTarget")) {
            case "BETA", "GAMMA" -> "10:00-14:00";
            case "ALPHA" -> "18:00-21:00";
            default -> "22:00-23:00";
        };
        assertThat((Map<String, Object>) recommended.get("window")).containsEntry("label", window);
        assertThat(((Number) recommended.get("expectedRating")).doubleValue()).isBetween(1.0, 5.0);
        assertThat(((Number) recommended.get("uncertainty")).doubleValue()).isPositive();
        assertThat((String) recommended.get("reason"))
                .startsWith("Trying ")
                .contains("which you have not rated yet")
                .contains("strength");
        assertThat((String) recommended.get("timing")).startsWith("Best ").contains(window);
        assertThat((List<?>) recommended.get("evidence")).isNotEmpty();

        Map<String, Object> input = new HashMap<>();
        for (String field : List.of("moduleType", "brainwaveTarget", "frequency", "durationSeconds")) {
            input.put(field, recommended.get(field));
        }
        GraphQlTester.Response started = user.graphQl()
                .document("mutation($input: StartSessionInput!) { startSession(input: $input) { generatedContent } }")
                .variable("input", input)
                .execute();
        started.path("startSession.generatedContent.frequency")
                .entity(Double.class)
                .isEqualTo(((Number) recommended.get("frequency")).doubleValue());
    }

    @Test
    void everyRatingIsATrainingStepAndTheModelTurnsAdaptiveAfterTwenty() {
        SignedIn user = signUp();
        String sessionId = startSession(user, "MENTAL_REHEARSAL");
        for (int i = 1; i <= 20; i++) {
            rate(user, sessionId, 1 + i % 5).path("rateSession.id").hasValue();
            String expectedPhase = i < 20 ? "DEVELOPMENTAL" : "ADAPTIVE";
            GraphQlTester.Response model = user.graphQl()
                    .document("{ me { model { phase trainingSteps } } }")
                    .execute();
            model.path("me.model.trainingSteps").entity(Integer.class).isEqualTo(i);
            model.path("me.model.phase").entity(String.class).isEqualTo(expectedPhase);
        }
        user.graphQl()
                .documentName("recommendSession")
                .variable("moduleType", "MENTAL_REHEARSAL")
                .execute()
                .path("recommendSession.reason")
                .entity(String.class)
                .satisfies(reason -> assertThat(reason).startsWith("You rated mental rehearsal highest"));
    }

    @Test
    void ratedSessionsSyncedFromADeviceAreLearnedAsOneStepEach() {
        SignedIn user = signUp();
        List<Map<String, Object>> synced = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Map<String, Object> session = new HashMap<>();
            session.put("moduleType", "BRAINWAVE");
            session.put("brainwaveTarget", "THETA");
            session.put("durationSeconds", 900);
            session.put("timestamp", "2026-11-0" + (1 + i % 9) + "T21:00:00Z");
            if (i % 5 != 0) {
                session.put("userRating", 1 + i % 5);
                session.put("effectivenessScore", 0.5);
            }
            synced.add(session);
        }
        user.graphQl()
                .documentName("recordSessions")
                .variable("input", synced)
                .execute()
                .path("recordSessions")
                .entityList(Object.class)
                .hasSize(25);

        GraphQlTester.Response model = user.graphQl()
                .document("{ me { model { phase trainingSteps } } }")
                .execute();
        model.path("me.model.trainingSteps").entity(Integer.class).isEqualTo(20);
        model.path("me.model.phase").entity(String.class).isEqualTo("ADAPTIVE");
    }

    @Test
    void concurrentRatingsFromTwoDevicesLoseNoStep() throws Exception {
        SignedIn user = signUp();
        String phone = startSession(user, "MOVERS");
        String laptop = startSession(user, "PFC_GYM");
        ExecutorService devices = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String sessionId : List.of(phone, laptop)) {
                done.add(devices.submit((Callable<Void>) () -> {
                    for (int i = 0; i < 15; i++) {
                        rate(user, sessionId, 4).path("rateSession.id").hasValue();
                    }
                    return null;
                }));
            }
            for (Future<?> device : done) {
                device.get();
            }
        } finally {
            devices.shutdown();
        }
        user.graphQl()
                .document("{ me { model { trainingSteps } } }")
                .execute()
                .path("me.model.trainingSteps")
                .entity(Integer.class)
                .isEqualTo(30);
    }

    @Test
    void storedWeightsAreCiphertextBoundToTheirUser() {
        SignedIn user = signUp();
        rate(user, startSession(user, "MOVERS"), 5).path("rateSession.id").hasValue();

        Document stored = modelDocument(user.id());
        assertThat(stored.keySet())
                .containsExactlyInAnyOrder(
                        "_id", "user_id", "model_weights", "last_updated", "training_steps", "phase");
        byte[] ciphertext = stored.get("model_weights", Binary.class).getData();
        byte[] plaintext = cipher.decrypt(ciphertext, user.id());
        assertThat(RatingPosterior.deserialize(plaintext).mean()).hasSize(FeatureMap.DIMENSION);
        // no run of the serialised weights appears in what is stored
        assertThat(indexOf(ciphertext, java.util.Arrays.copyOfRange(plaintext, 5, 37)))
                .isNegative();
        assertThat(stored.toJson()).doesNotContain("mean").doesNotContain("precision");

        SignedIn other = signUp();
        assertThatThrows(() -> cipher.decrypt(ciphertext, other.id()));
    }

    @Test
    void showingAModelLeavesItsWeightsInTheDatabase() {
        SignedIn user = signUp();
        rate(user, startSession(user, "MOVERS"), 4).path("rateSession.id").hasValue();

        List<BsonDocument> reads = mongoCommands
                .during(() -> user.graphQl()
                        .document("{ me { model { id phase trainingSteps lastUpdated } } }")
                        .execute()
                        .path("me.model.trainingSteps")
                        .entity(Integer.class)
                        .isEqualTo(1))
                .stream()
                .filter(command -> command.collection().equals("user_models"))
                .map(MongoCommands.Command::document)
                .toList();

        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).getDocument("projection").keySet())
                .contains("user_id", "training_steps", "phase", "last_updated")
                .doesNotContain("model_weights");
    }

    @Test
    void aTamperedModelIsAnOpaqueInternalErrorAndIsNeverReset() {
        SignedIn user = signUp();
        String sessionId = startSession(user, "PFC_GYM");
        rate(user, sessionId, 4).path("rateSession.id").hasValue();
        Document stored = modelDocument(user.id());
        byte[] tampered = stored.get("model_weights", Binary.class).getData().clone();
        tampered[tampered.length - 1] ^= 1;
        mongo.getCollection("user_models")
                .updateOne(
                        new Document("user_id", user.id()),
                        new Document("$set", new Document("model_weights", new Binary(tampered))));

        GraphQlTester.Response recommendation =
                user.graphQl().documentName("recommendSession").execute();
        assertSingleError(recommendation, ErrorType.INTERNAL_ERROR);
        recommendation
                .errors()
                .satisfy(errors -> assertThat(errors.get(0).getMessage())
                        .startsWith("Internal error; reference")
                        .doesNotContainIgnoringCase("tamper")
                        .doesNotContainIgnoringCase("authentication"));
        assertSingleError(rate(user, sessionId, 2), ErrorType.INTERNAL_ERROR);

        Document after = modelDocument(user.id());
        assertThat(after.get("model_weights", Binary.class).getData()).isEqualTo(tampered);
        assertThat(after.get("training_steps", Number.class).longValue()).isEqualTo(1);
    }

    private static void assertThatThrows(Runnable action) {
        org.assertj.core.api.Assertions.assertThatThrownBy(action::run)
                .isInstanceOf(ModelCipher.TamperedModelException.class);
    }

    private Document modelDocument(String userId) {
        return mongo.getCollection("user_models")
                .find(new Document("user_id", userId))
                .first();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (ByteBuffer.wrap(haystack, i, needle.length).equals(ByteBuffer.wrap(needle))) {
                return i;
            }
        }
        return -1;
    }

    private static GraphQlTester.Response rate(SignedIn user, String sessionId, int rating) {
        return user.graphQl()
                .documentName("rateSession")
                .variable("input", Map.of("sessionId", sessionId, "rating", rating, "effectivenessScore", 0.5))
                .execute();
    }
}
