package app.brainbuddy.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** {@code User.privacy} and {@code UpdateProfileInput.privacy}: the typed form of the stored {@code privacy_settings}. */
class TypedPrivacySettingsTests extends GraphQlIntegrationTest {

    private static final String UPDATE = """
            mutation($input: UpdateProfileInput!) {
              updateProfile(input: $input) { privacy { shareSessions shareHabits shareStats shareModel } }
            }""";

    @Test
    void typedChangesKeepTheStoredKeysAndLeaveTheOthersAsTheyWere() {
        SignedIn user = signUp();

        update(user, Map.of("privacy", Map.of("shareStats", true))).errors().verify();
        GraphQlTester.Response second =
                update(user, Map.of("privacy", Map.of("shareHabits", true, "shareStats", false)));

        second.path("updateProfile.privacy")
                .entity(Map.class)
                .isEqualTo(
                        Map.of("shareSessions", false, "shareHabits", true, "shareStats", false, "shareModel", false));
        assertThat(storedSettings(user.id()))
                .isEqualTo(new Document("share_stats", false).append("share_habits", true));
    }

    @Test
    void storedSettingsWithUnknownKeysStillRead() {
        SignedIn user = signUp();
        mongo.getCollection("users")
                .updateOne(
                        new Document("_id", new ObjectId(user.id())),
                        new Document(
                                "$set",
                                new Document(
                                        "privacy_settings",
                                        new Document("share_sessions", true)
                                                .append("share_location", true)
                                                .append("share_model", "yes"))));

        GraphQlTester.Response me = user.graphQl()
                .document("{ me { privacy { shareSessions shareHabits shareStats shareModel } } }")
                .execute();

        me.errors().verify();
        me.path("me.privacy")
                .entity(Map.class)
                .isEqualTo(
                        Map.of("shareSessions", true, "shareHabits", false, "shareStats", false, "shareModel", false));
        update(user, Map.of("privacy", Map.of("shareModel", true))).errors().verify();
        assertThat(storedSettings(user.id()))
                .containsEntry("share_location", true)
                .containsEntry("share_model", true);
    }

    @Test
    void theTypedAndTheDeprecatedFormTogetherAreRefusedAndChangeNothing() {
        SignedIn user = signUp();

        assertSingleError(
                update(
                        user,
                        Map.of("privacy", Map.of("shareStats", true), "privacySettings", Map.of("share_habits", true))),
                ErrorType.BAD_REQUEST);
        assertSingleError(update(user, Map.of("privacy", Map.of())), ErrorType.BAD_REQUEST);
        assertThat(storedSettings(user.id())).isEmpty();
    }

    private static GraphQlTester.Response update(SignedIn user, Map<String, Object> input) {
        return user.graphQl().document(UPDATE).variable("input", input).execute();
    }

    private Document storedSettings(String userId) {
        Document stored = mongo.getCollection("users")
                .find(new Document("_id", new ObjectId(userId)))
                .first();
        return stored.get("privacy_settings", new Document());
    }
}
