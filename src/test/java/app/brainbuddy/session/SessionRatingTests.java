package app.brainbuddy.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.RecordedRatings;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Ratings through {@code rateSession}: owner only, last one wins, each handed to the personal model. */
class SessionRatingTests extends GraphQlIntegrationTest {

    @Autowired
    private RecordedRatings ratings;

    @Test
    void theOwnerRatesASessionAndRatesItAgain() {
        SignedIn user = signUp();
        String sessionId = startSession(user, "PFC_GYM");

        rate(user, sessionId, 3, 0.4)
                .path("rateSession.userRating")
                .entity(Integer.class)
                .isEqualTo(3);
        GraphQlTester.Response again = rate(user, sessionId, 5, 0.9);

        again.path("rateSession.userRating").entity(Integer.class).isEqualTo(5);
        again.path("rateSession.effectivenessScore").entity(Double.class).isEqualTo(0.9);
        Document stored = mongo.getCollection("sessions")
                .find(new Document("_id", new ObjectId(sessionId)))
                .first();
        assertThat(stored).containsEntry("user_rating", 5).containsEntry("effectiveness_score", 0.9);
        assertThat(ratings.of(user.id()))
                .extracting(TrainingSession::userRating)
                .containsExactly(3, 5);
    }

    @Test
    void ratingsOutsideTheirRangesAreRefusedAndChangeNothing() {
        SignedIn user = signUp();
        String sessionId = startSession(user, "PFC_GYM");
        for (var bad : new double[][] {{0, 0.5}, {6, 0.5}, {3, -0.01}, {3, 1.01}}) {
            assertSingleError(rate(user, sessionId, (int) bad[0], bad[1]), ErrorType.BAD_REQUEST);
        }
        Document stored = mongo.getCollection("sessions")
                .find(new Document("_id", new ObjectId(sessionId)))
                .first();
        assertThat(stored.get("user_rating")).isNull();
        assertThat(ratings.of(user.id())).isEmpty();
    }

    @Test
    void anotherUsersOrAMissingSessionIsNotFound() {
        SignedIn owner = signUp();
        SignedIn other = signUp();
        String sessionId = startSession(owner, "PFC_GYM");

        assertSingleError(rate(other, sessionId, 1, 0.1), ErrorType.NOT_FOUND);
        assertSingleError(rate(other, new ObjectId().toHexString(), 1, 0.1), ErrorType.NOT_FOUND);
        assertSingleError(rate(other, "not-an-id", 1, 0.1), ErrorType.NOT_FOUND);

        assertThat(mongo.getCollection("sessions")
                        .find(new Document("_id", new ObjectId(sessionId)))
                        .first()
                        .get("user_rating"))
                .isNull();
        assertThat(ratings.of(other.id())).isEmpty();
        assertThat(ratings.of(owner.id())).isEmpty();
    }

    private static GraphQlTester.Response rate(SignedIn user, String sessionId, int rating, double effectiveness) {
        return user.graphQl()
                .documentName("rateSession")
                .variable(
                        "input", Map.of("sessionId", sessionId, "rating", rating, "effectivenessScore", effectiveness))
                .execute();
    }
}
