package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.MongoCommands;
import app.brainbuddy.session.SessionService;
import app.brainbuddy.session.TrainingSession;
import app.brainbuddy.user.Chronotype;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What one rating costs the database, through the API: the commands a {@code rateSession} sends, and the rated
 * sessions read with only what the model learns from, which must give the same features as the whole documents.
 */
class ModelTrainingTests extends GraphQlIntegrationTest {

    @Autowired
    private SessionService sessions;

    @Test
    void aNewRatingSendsSixCommandsAndReadsTheCallersAccountOnce() {
        SignedIn user = signUp();
        rate(user, startSession(user, "MOVERS"), 4);
        String newest = startBrainwave(user, 21);

        List<MongoCommands.Command> newRating = mongoCommands.during(() -> rate(user, newest, 3));
        List<MongoCommands.Command> sameAgain = mongoCommands.during(() -> rate(user, newest, 3));

        // the account for the token; the rating; the model, the ratings and the knowledge base (the prior) read;
        // the model written. Before, the owner's account was read a second time for the chronotype.
        assertThat(namesOf(newRating))
                .containsExactly(
                        "find users",
                        "findAndModify sessions",
                        "find user_models",
                        "find sessions",
                        "find brain_knowledge",
                        "update user_models");
        // a rating the model holds already: nothing to learn, no prior, no write
        assertThat(namesOf(sameAgain))
                .containsExactly("find users", "findAndModify sessions", "find user_models", "find sessions");
        assertThat(newRating.get(3).document().getDocument("projection").keySet())
                .contains("generated_content.timing.local_hour", "generated_content.frequency")
                .doesNotContain("generated_content", "evidence_ids", "effectiveness_score");
    }

    @Test
    void theRatedSessionsAreReadWithWhatTheModelLearnsFromAndGiveTheWholeDocumentsFeatures() {
        SignedIn user = signUp();
        rate(user, startBrainwave(user, 7), 5);
        rate(user, startBrainwave(user, 22), 2);
        rate(user, startSession(user, "PFC_GYM"), 4);
        startSession(user, "MOVERS"); // not rated: not read
        ModelTestSupport.recordAll(
                user.graphQl(),
                List.of(Map.of(
                        "id",
                        new ObjectId().toHexString(),
                        "moduleType",
                        "BRAINWAVE",
                        "brainwaveTarget",
                        "ALPHA",
                        "generatedContent",
                        Map.of("frequency", 9.5),
                        "durationSeconds",
                        900,
                        "timestamp",
                        "2026-11-02T19:00:00Z",
                        "userRating",
                        3,
                        "effectivenessScore",
                        0.5)));

        List<TrainingSession> projected = sessions.ratedSessionsOf(user.id());
        Map<String, TrainingSession> whole = sessions.exportOf(user.id()).stream()
                .filter(session -> session.userRating() != null)
                .collect(Collectors.toMap(TrainingSession::id, Function.identity()));

        assertThat(projected).hasSize(4);
        assertThat(projected).extracting(TrainingSession::id).containsExactlyInAnyOrderElementsOf(whole.keySet());
        for (TrainingSession session : projected) {
            TrainingSession stored = whole.get(session.id());
            assertThat(session.timestamp()).isEqualTo(stored.timestamp());
            assertThat(session.userRating()).isEqualTo(stored.userRating());
            for (Chronotype chronotype : Chronotype.values()) {
                assertThat(SessionContext.of(session, chronotype)).isEqualTo(SessionContext.of(stored, chronotype));
            }
            assertThat(session.generatedContent().keySet()).isSubsetOf(Set.of("timing", "frequency"));
            if (session.generatedContent().get("timing") instanceof Map<?, ?> timing) {
                assertThat(timing.keySet().stream().map(String::valueOf)).containsExactly("local_hour");
            }
            assertThat(session.evidenceIds()).isNull();
        }
        // the generated sessions carry what was left out, so the check above can fail
        assertThat(whole.values())
                .anySatisfy(stored -> assertThat(stored.generatedContent()).containsKeys("timing", "frequency"))
                .anySatisfy(
                        stored -> assertThat(stored.generatedContent().keySet()).hasSizeGreaterThan(2));
    }

    private static List<String> namesOf(List<MongoCommands.Command> commands) {
        return commands.stream()
                .map(command -> command.name() + " " + command.collection())
                .toList();
    }

    private static String startBrainwave(SignedIn user, int localHour) {
        return user.graphQl()
                .documentName("startSession")
                .variable(
                        "input",
                        Map.of(
                                "moduleType",
                                "BRAINWAVE",
                                "brainwaveTarget",
                                "THETA",
                                "durationSeconds",
                                600,
                                "localHour",
                                localHour))
                .execute()
                .path("startSession.id")
                .entity(String.class)
                .get();
    }

    private static void rate(SignedIn user, String sessionId, int rating) {
        user.graphQl()
                .documentName("rateSession")
                .variable("input", Map.of("sessionId", sessionId, "rating", rating, "effectivenessScore", 0.5))
                .execute()
                .path("rateSession.userRating")
                .entity(Integer.class)
                .isEqualTo(rating);
    }
}
