package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.MongoCommands;
import app.brainbuddy.keys.KeyFiles;
import app.brainbuddy.session.TrainingSession;
import app.brainbuddy.user.Chronotype;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
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
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The personal model as a client meets it: trained by ratings, stored encrypted, recommending sessions. */
class PersonalModelTests extends GraphQlIntegrationTest {

    @Autowired
    private ModelCipher cipher;

    @Autowired
    private ModelPriors priors;

    @Autowired
    private ModelSettings settings;

    @Autowired
    private MeterRegistry meters;

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
    void everyRatedSessionIsATrainingStepAndTheModelTurnsAdaptiveAfterTwenty() {
        SignedIn user = signUp();
        for (int i = 1; i <= 20; i++) {
            rate(user, startSession(user, "MENTAL_REHEARSAL"), 1 + i % 5)
                    .path("rateSession.id")
                    .hasValue();
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
                .path("recommendSession")
                .entity(Map.class)
                .satisfies(recommended -> {
                    assertThat(recommended).containsEntry("phase", "ADAPTIVE");
                    // the sentence states the same clamped number as the field
                    assertThat((String) recommended.get("reason"))
                            .startsWith("You rated mental rehearsal highest")
                            .contains("expects %.1f "
                                    .formatted(((Number) recommended.get("expectedRating")).doubleValue()));
                });
    }

    @Test
    void reRatingOneSessionTwentyTimesIsOneStepThatExpectsFromTheLastRatingOnly() {
        SignedIn user = signUp();
        String sessionId = startSession(user, "MENTAL_REHEARSAL");
        for (int i = 1; i <= 20; i++) {
            rate(user, sessionId, i < 20 ? 5 : 2).path("rateSession.id").hasValue();
        }

        GraphQlTester.Response model = user.graphQl()
                .document("{ me { model { phase trainingSteps } } }")
                .execute();
        model.path("me.model.trainingSteps").entity(Integer.class).isEqualTo(1);
        model.path("me.model.phase").entity(String.class).isEqualTo("DEVELOPMENTAL");
        PersonalModel stored = storedModel(user.id());
        PersonalModel onlyTheLast = PersonalModel.rebuild(
                priors.prior(),
                List.of(new PersonalModel.Rated(sessionId, features(sessionId), 2)),
                settings.keep(),
                0);
        assertThat(stored.learned()).containsExactly(Map.entry(sessionId, 2));
        assertThat(stored.posterior().distanceTo(onlyTheLast.posterior())).isLessThan(1e-9);
        // a baseline that learned every rating as a new step is far from it: the comparison can fail
        RatingPosterior everyRating = onlyTheLast.posterior();
        for (int i = 0; i < 19; i++) {
            everyRating =
                    everyRating.discounted(settings.keep(), priors.prior()).learn(features(sessionId), 5);
        }
        assertThat(stored.posterior().distanceTo(everyRating)).isGreaterThan(1);
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
        List<List<String>> devicesSessions = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 16; i++) {
            devicesSessions.get(i % 2).add(startSession(user, i % 2 == 0 ? "MOVERS" : "PFC_GYM"));
        }
        ExecutorService devices = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<String> sessionIds : devicesSessions) {
                done.add(devices.submit((Callable<Void>) () -> {
                    for (String sessionId : sessionIds) {
                        rate(user, sessionId, 4).path("rateSession.id").hasValue();
                        rate(user, sessionId, 3).path("rateSession.id").hasValue();
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
                .isEqualTo(16);
        assertThat(storedModel(user.id()).learned())
                .hasSize(16)
                .allSatisfy((id, rating) -> assertThat(rating).isEqualTo(3));
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
        assertThat(PersonalModel.deserialize(plaintext).posterior().mean()).hasSize(FeatureMap.DIMENSION);
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
                .contains("user_id", "training_steps", "last_updated")
                .doesNotContain("model_weights");
    }

    @Test
    void aTamperedModelIsNeverTrustedButRebuiltFromTheRatingsAndCountedAsASecurityEvent() {
        SignedIn user = signUp();
        String sessionId = startSession(user, "PFC_GYM");
        rate(user, sessionId, 4).path("rateSession.id").hasValue();
        byte[] tampered = modelDocument(user.id())
                .get("model_weights", Binary.class)
                .getData()
                .clone();
        tampered[tampered.length - 1] ^= 1;
        setWeights(user.id(), new Binary(tampered));
        double securityEvents = count("brainbuddy.security.events", "type", "tampered_model");

        user.graphQl()
                .documentName("recommendSession")
                .execute()
                .path("recommendSession.phase")
                .hasValue();

        assertThat(count("brainbuddy.security.events", "type", "tampered_model"))
                .isEqualTo(securityEvents + 1);
        assertThat(modelDocument(user.id()).get("model_weights", Binary.class).getData())
                .isNotEqualTo(tampered);
        assertThat(storedModel(user.id()).learned()).containsExactly(Map.entry(sessionId, 4));
        rate(user, sessionId, 2)
                .path("rateSession.userRating")
                .entity(Integer.class)
                .isEqualTo(2);
        assertThat(storedModel(user.id()).learned()).containsExactly(Map.entry(sessionId, 2));
    }

    @Test
    void aSeedShapedModelIsRebuiltFromTheRatedSessionsOnTheFirstRecommendationAndRating() {
        SignedIn user = signUp();
        List<String> rated = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rated.add(insertSession(user.id(), 1 + i));
        }
        String unrated = insertSession(user.id(), null);
        mongo.getCollection("user_models")
                .insertOne(new Document("user_id", user.id())
                        .append("model_weights", "encrypted_blob_or_path")
                        .append("last_updated", new Date())
                        .append("training_steps", 150)
                        .append("phase", "adaptive"));
        double legacyRebuilds = count("brainbuddy.model.rebuilds", "reason", "legacy");

        GraphQlTester.Response recommendation =
                user.graphQl().documentName("recommendSession").execute();

        recommendation.path("recommendSession.phase").entity(String.class).isEqualTo("DEVELOPMENTAL");
        recommendation
                .path("recommendSession.reason")
                .entity(String.class)
                .satisfies(reason -> assertThat(reason).containsAnyOf("Trying ", "You rated "));
        assertThat(count("brainbuddy.model.rebuilds", "reason", "legacy")).isEqualTo(legacyRebuilds + 1);
        assertThat(trainingSteps(user)).isEqualTo(3);
        assertThat(storedModel(user.id()).learned().keySet()).containsExactlyInAnyOrderElementsOf(rated);

        rate(user, unrated, 5)
                .path("rateSession.userRating")
                .entity(Integer.class)
                .isEqualTo(5);
        assertThat(trainingSteps(user)).isEqualTo(4);
    }

    @Test
    void aSeedShapedModelIsRebuiltByTheFirstRatingToo() {
        SignedIn user = signUp();
        insertSession(user.id(), 3);
        String unrated = insertSession(user.id(), null);
        mongo.getCollection("user_models")
                .insertOne(new Document("user_id", user.id())
                        .append("model_weights", "encrypted_blob_or_path")
                        .append("last_updated", new Date())
                        .append("training_steps", 150)
                        .append("phase", "adaptive"));

        rate(user, unrated, 5)
                .path("rateSession.userRating")
                .entity(Integer.class)
                .isEqualTo(5);

        assertThat(trainingSteps(user)).isEqualTo(2);
        user.graphQl()
                .documentName("recommendSession")
                .execute()
                .path("recommendSession.reason")
                .hasValue();
    }

    @Test
    void aModelOfAKeyNoLongerHeldIsRebuiltNotFatal() throws Exception {
        SignedIn user = signUp();
        String sessionId = startSession(user, "MOVERS");
        rate(user, sessionId, 5).path("rateSession.id").hasValue();
        ModelCipher lostKey = new ModelCipher(KeyFiles.newModelKeyset());
        setWeights(user.id(), new Binary(lostKey.encrypt(storedModel(user.id()).serialize(), user.id())));
        double unknownKey = count("brainbuddy.model.rebuilds", "reason", "unknown_key");
        double securityEvents = count("brainbuddy.security.events", "type", "tampered_model");

        rate(user, sessionId, 1)
                .path("rateSession.userRating")
                .entity(Integer.class)
                .isEqualTo(1);

        assertThat(count("brainbuddy.model.rebuilds", "reason", "unknown_key")).isEqualTo(unknownKey + 1);
        assertThat(count("brainbuddy.security.events", "type", "tampered_model"))
                .isEqualTo(securityEvents);
        assertThat(storedModel(user.id()).learned()).containsExactly(Map.entry(sessionId, 1));
    }

    @Test
    void aStoredRatingIsReportedAsStoredWhenTheModelCannotLearnItAndTheModelCatchesUpLater() {
        SignedIn user = signUp();
        String sessionId = startSession(user, "MOVERS");
        // a rated session the model cannot read makes learning fail, after the rating is stored
        String broken = insertSession(user.id(), 4);
        mongo.getCollection("sessions")
                .updateOne(
                        new Document("_id", new ObjectId(broken)),
                        new Document("$set", new Document("module_type", "no_such_module")));
        double deferred = count("brainbuddy.model.learning.deferred", null, null);
        double caughtUp = count("brainbuddy.model.learning.caught.up", null, null);

        rate(user, sessionId, 5)
                .path("rateSession.userRating")
                .entity(Integer.class)
                .isEqualTo(5);

        assertThat(count("brainbuddy.model.learning.deferred", null, null)).isEqualTo(deferred + 1);
        assertThat(modelDocument(user.id())).isNull();
        mongo.getCollection("sessions").deleteOne(new Document("_id", new ObjectId(broken)));

        user.graphQl()
                .documentName("recommendSession")
                .execute()
                .path("recommendSession.reason")
                .hasValue();

        assertThat(trainingSteps(user)).isEqualTo(1);
        assertThat(count("brainbuddy.model.learning.caught.up", null, null)).isEqualTo(caughtUp + 1);
    }

    @Test
    void aSyncRetriedAfterALostReplyTeachesTheModelItsRatingsOnce() {
        SignedIn user = signUp();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> session = new HashMap<>();
            session.put("id", new ObjectId().toHexString());
            session.put("moduleType", "BRAINWAVE");
            session.put("brainwaveTarget", "ALPHA");
            session.put("durationSeconds", 600);
            session.put("timestamp", "2026-11-0" + (1 + i) + "T09:00:00Z");
            session.put("userRating", 2 + i);
            session.put("effectivenessScore", 0.5);
            batch.add(session);
        }
        ModelTestSupport.recordAll(user.graphQl(), batch);
        // the reply was lost and so was the model's update: the device retries the same batch
        mongo.getCollection("user_models").deleteOne(new Document("user_id", user.id()));

        ModelTestSupport.recordAll(user.graphQl(), batch);
        ModelTestSupport.recordAll(user.graphQl(), batch);

        assertThat(trainingSteps(user)).isEqualTo(4);
    }

    private int trainingSteps(SignedIn user) {
        return user.graphQl()
                .document("{ me { model { trainingSteps } } }")
                .execute()
                .path("me.model.trainingSteps")
                .entity(Integer.class)
                .get();
    }

    /** A rated (or, with null, unrated) MENTAL_REHEARSAL session written straight into the database. */
    private String insertSession(String userId, Integer rating) {
        ObjectId id = new ObjectId();
        mongo.getCollection("sessions")
                .insertOne(new Document("_id", id)
                        .append("user_id", userId)
                        .append("module_type", "mental_rehearsal")
                        .append("generated_content", new Document("duration", 600))
                        .append("user_rating", rating)
                        .append("effectiveness_score", rating == null ? null : 0.5)
                        .append("timestamp", new Date())
                        .append("duration_seconds", 600));
        return id.toHexString();
    }

    private void setWeights(String userId, Object weights) {
        mongo.getCollection("user_models")
                .updateOne(
                        new Document("user_id", userId), new Document("$set", new Document("model_weights", weights)));
    }

    private PersonalModel storedModel(String userId) {
        return ModelTestSupport.storedModel(mongo, cipher, userId);
    }

    private double[] features(String sessionId) {
        TrainingSession session = mongo.findById(sessionId, TrainingSession.class);
        return SessionContext.of(session, Chronotype.BEAR).features();
    }

    private double count(String name, String tag, String value) {
        var search = meters.find(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        Counter counter = search.counter();
        return counter == null ? 0 : counter.count();
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
