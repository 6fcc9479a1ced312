package app.brainbuddy.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;

class PrivacyRightsTests extends GraphQlIntegrationTest {

    private static final String HABIT = """
            mutation { createHabit(input: {habitType: NEGATIVE_LOOP, trigger: "stress", routine: "snacking",
              reward: "comfort", interruptProtocol: {technique: "walk", durationSeconds: 120}}) { id } }""";

    @Test
    void theExportHoldsEverythingStoredAboutTheUserButSecrets() {
        SignedIn user = signUp();
        String sessionId = user.graphQl()
                .document(
                        "mutation { startSession(input: {moduleType: MENTAL_REHEARSAL, durationSeconds: 900}) { id } }")
                .execute()
                .path("startSession.id")
                .entity(String.class)
                .get();
        user.graphQl().document(HABIT).execute().path("createHabit.id").hasValue();
        storeModel(user.id(), 4);

        GraphQlTester.Response export =
                user.graphQl().document("{ exportMyData }").execute();

        export.path("exportMyData.profile.email").entity(String.class).isEqualTo(user.email());
        export.path("exportMyData.sessions[*].id").entityList(String.class).containsExactly(sessionId);
        export.path("exportMyData.habits[0].routine").entity(String.class).isEqualTo("snacking");
        export.path("exportMyData.model.trainingSteps").entity(Integer.class).isEqualTo(4);
        String whole = export.path("exportMyData").entity(Map.class).get().toString();
        assertThat(whole).doesNotContain("hashed", "assword", "model_weights", "modelWeights");
    }

    @Test
    void deletingTheAccountRemovesAllItsDataAndStopsItsTokensAtOnce() {
        SignedIn user = signUp();
        SignedIn bystander = signUp();
        user.graphQl()
                .document("mutation { startSession(input: {moduleType: MOVERS, durationSeconds: 300}) { id } }")
                .execute();
        user.graphQl().document(HABIT).execute();
        bystander.graphQl().document(HABIT).execute();
        String integration = user.graphQl()
                .documentName("createIntegrationToken")
                .variable("input", Map.of("name", "watch", "scopes", List.of("PROFILE_READ")))
                .execute()
                .path("createIntegrationToken.token")
                .entity(String.class)
                .get();
        storeModel(user.id(), 1);

        user.graphQl()
                .document("mutation { deleteAccount { deleted } }")
                .execute()
                .path("deleteAccount.deleted")
                .entity(Boolean.class)
                .isEqualTo(true);

        for (String collection : List.of("sessions", "habits", "user_models")) {
            assertThat(mongo.getCollection(collection).countDocuments(new Document("user_id", user.id())))
                    .as(collection)
                    .isZero();
        }
        assertThat(mongo.getCollection("users").countDocuments(new Document("_id", new ObjectId(user.id()))))
                .isZero();
        assertThat(mongo.getCollection("habits").countDocuments(new Document("user_id", bystander.id())))
                .isEqualTo(1);
        assertThat(statusWithToken(user.token())).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusWithToken(integration)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void updateProfileChangesTheChronotypeAndTheGivenPrivacySettings() {
        SignedIn user = signUp();
        GraphQlTester.Response updated =
                updateProfile(user, Map.of("chronotype", "DOLPHIN", "privacySettings", Map.of("share_stats", true)));
        updated.path("updateProfile.chronotype").entity(String.class).isEqualTo("DOLPHIN");
        updated.path("updateProfile.privacySettings").entity(Map.class).isEqualTo(Map.of("share_stats", true));

        updateProfile(user, Map.of("privacySettings", Map.of("share_habits", true)))
                .path("updateProfile.privacySettings")
                .entity(Map.class)
                .isEqualTo(Map.of("share_stats", true, "share_habits", true));
    }

    @Test
    void privacySettingsOutsideTheDocumentedKeysAreRefusedAndChangeNothing() {
        SignedIn user = signUp();
        Document before = stored(user.id());
        List<Map<String, Object>> refused = List.of(
                Map.of(),
                Map.of("privacySettings", Map.of("share_everything", true)),
                Map.of("privacySettings", Map.of("$where", true)),
                Map.of("privacySettings", Map.of("share_stats.$", true)),
                Map.of("privacySettings", Map.of("share_stats", "yes")),
                Map.of("privacySettings", Map.of("share_stats", Map.of("$ne", false))),
                Map.of("privacySettings", 5),
                Map.of("privacySettings", List.of(true)),
                Map.of("chronotype", "OWL"));
        for (Map<String, Object> input : refused) {
            assertSingleError(updateProfile(user, input), ErrorType.BAD_REQUEST);
        }
        assertThat(stored(user.id())).isEqualTo(before);
    }

    @Test
    void anIntegrationSeesOnlyItsScopesAndOnlyWhatThePrivacySettingsShare() {
        SignedIn user = signUp();
        user.graphQl()
                .document("mutation { startSession(input: {moduleType: MOVERS, durationSeconds: 300}) { id } }")
                .execute();
        String sessionsOnly = user.graphQl()
                .documentName("createIntegrationToken")
                .variable("input", Map.of("name", "coach", "scopes", List.of("SESSIONS_READ")))
                .execute()
                .path("createIntegrationToken.token")
                .entity(String.class)
                .get();
        String sessions = "{ me { sessions(first: 5) { edges { node { id } } } } }";

        assertSingleError(bearer(sessionsOnly).document(sessions).execute(), ErrorType.FORBIDDEN);
        updateProfile(user, Map.of("privacySettings", Map.of("share_sessions", true)));

        bearer(sessionsOnly)
                .document(sessions)
                .execute()
                .path("me.sessions.edges")
                .entityList(Object.class)
                .hasSize(1);
        for (String notGranted : List.of(
                "{ me { email } }",
                "{ me { habits { id } } }",
                "{ me { stats { habits { attempts } } } }",
                "{ me { model { phase } } }",
                "{ me { integrations { id } } }")) {
            assertSingleError(bearer(sessionsOnly).document(notGranted).execute(), ErrorType.FORBIDDEN);
        }
    }

    private static GraphQlTester.Response updateProfile(SignedIn user, Map<String, Object> input) {
        return user.graphQl()
                .document(
                        "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { chronotype privacySettings } }")
                .variable("input", input)
                .execute();
    }

    private Document stored(String userId) {
        return mongo.getCollection("users")
                .find(new Document("_id", new ObjectId(userId)))
                .first();
    }
}
