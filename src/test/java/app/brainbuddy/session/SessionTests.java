package app.brainbuddy.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

class SessionTests extends GraphQlIntegrationTest {

    @Test
    void startSessionStoresTheSessionForTheCaller() {
        SignedIn user = signUp();
        GraphQlTester.Response session = start(user, "BRAINWAVE", "ALPHA", 600);

        session.path("startSession.moduleType").entity(String.class).isEqualTo("BRAINWAVE");
        session.path("startSession.brainwaveTarget").entity(String.class).isEqualTo("ALPHA");
        session.path("startSession.durationSeconds").entity(Integer.class).isEqualTo(600);
        session.path("startSession.generatedContent.duration")
                .entity(Integer.class)
                .isEqualTo(600);
        session.path("startSession.userRating").valueIsNull();
        session.path("startSession.user.id").entity(String.class).isEqualTo(user.id());
    }

    @Test
    void invalidSessionsAreRefusedAndWriteNothing() {
        SignedIn user = signUp();
        long sessions = count("sessions");
        assertSingleError(start(user, "BRAINWAVE", null, 600), ErrorType.BAD_REQUEST);
        assertSingleError(start(user, "MOVERS", "ALPHA", 600), ErrorType.BAD_REQUEST);
        assertSingleError(start(user, "MOVERS", null, 59), ErrorType.BAD_REQUEST);
        assertSingleError(start(user, "PFC_GYM", null, 7201), ErrorType.BAD_REQUEST);
        assertSingleError(start(user, "YOGA", null, 600), ErrorType.BAD_REQUEST);
        assertThat(count("sessions")).isEqualTo(sessions);
    }

    @Test
    void aTargetThatDoesNotFitTheModuleIsRefusedNamingTheTargetField() {
        SignedIn user = signUp();
        for (GraphQlTester.Response refused :
                List.of(start(user, "BRAINWAVE", null, 600), start(user, "MOVERS", "ALPHA", 600))) {
            assertSingleError(refused, ErrorType.BAD_REQUEST);
            refused.errors()
                    .satisfy(errors -> assertThat(errors.get(0).getMessage())
                            .isEqualTo("Invalid input: input.brainwaveTarget is required for BRAINWAVE sessions"
                                    + " and not allowed for other modules"));
        }
    }

    @Test
    void sessionsArePagedNewestFirstWithoutGapsOrDuplicatesAcrossEqualTimestamps() {
        SignedIn user = signUp();
        for (int i = 0; i < 13; i++) {
            start(user, "MOVERS", null, 60 + i).path("startSession.id").hasValue();
        }
        // sessions synced from a device can share a timestamp to the millisecond
        Instant shared = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 9; i++) {
            mongo.getCollection("sessions").insertOne(storedSession(user.id(), shared));
        }

        List<String> seen = new ArrayList<>();
        List<Instant> timestamps = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean hasNextPage = true;
        while (hasNextPage) {
            GraphQlTester.Response connection = mySessions(user, Map.of(), 4, after);
            seen.addAll(connection
                    .path("me.sessions.edges[*].node.id")
                    .entityList(String.class)
                    .get());
            connection.path("me.sessions.edges[*].node.timestamp").entityList(String.class).get().stream()
                    .map(Instant::parse)
                    .forEach(timestamps::add);
            hasNextPage = connection
                    .path("me.sessions.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = connection
                    .path("me.sessions.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
            pages++;
        }

        assertThat(pages).isEqualTo(6);
        assertThat(seen).hasSize(22).doesNotHaveDuplicates();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(allSessionIds(user.id()));
        assertThat(timestamps).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void filtersNarrowTheSessions() {
        SignedIn user = signUp();
        start(user, "BRAINWAVE", "THETA", 600);
        start(user, "BRAINWAVE", "ALPHA", 600);
        start(user, "MOVERS", null, 300);
        Instant longAgo = Instant.parse("2025-01-01T10:00:00Z");
        Document old = storedSession(user.id(), longAgo);
        old.put("user_rating", 4);
        mongo.getCollection("sessions").insertOne(old);

        assertThat(ids(mySessions(user, Map.of("moduleType", "BRAINWAVE"), 10, null)))
                .hasSize(2);
        assertThat(ids(mySessions(user, Map.of("brainwaveTarget", "THETA"), 10, null)))
                .hasSize(1);
        assertThat(ids(mySessions(user, Map.of("rated", true), 10, null))).hasSize(1);
        assertThat(ids(mySessions(user, Map.of("rated", false), 10, null))).hasSize(3);
        assertThat(ids(mySessions(user, Map.of("to", "2025-06-01T00:00:00Z"), 10, null)))
                .containsExactly(old.getObjectId("_id").toHexString());
        assertThat(ids(mySessions(user, Map.of("from", "2025-06-01T00:00:00Z", "moduleType", "MOVERS"), 10, null)))
                .hasSize(1);
    }

    @Test
    void pageSizesOutsideOneToAHundredAndForeignCursorsAreBadRequests() {
        SignedIn user = signUp();
        assertSingleError(mySessions(user, Map.of(), 0, null), ErrorType.BAD_REQUEST);
        assertSingleError(mySessions(user, Map.of(), 101, null), ErrorType.BAD_REQUEST);
        assertSingleError(mySessions(user, Map.of(), 10, "not-a-cursor"), ErrorType.BAD_REQUEST);
    }

    @Test
    void anotherUsersSessionAnswersExactlyLikeAMissingOne() {
        SignedIn owner = signUp();
        SignedIn other = signUp();
        String sessionId = start(owner, "MOVERS", null, 120)
                .path("startSession.id")
                .entity(String.class)
                .get();
        String missingId = new ObjectId().toHexString();

        String foreign = notFoundMessage(other.graphQl()
                .document("query($id: ID!) { session(id: $id) { id moduleType } }")
                .variable("id", sessionId)
                .execute());
        String missing = notFoundMessage(other.graphQl()
                .document("query($id: ID!) { session(id: $id) { id moduleType } }")
                .variable("id", missingId)
                .execute());

        assertThat(foreign.replace(sessionId, "ID")).isEqualTo(missing.replace(missingId, "ID"));
        owner.graphQl()
                .document("query($id: ID!) { session(id: $id) { id } }")
                .variable("id", sessionId)
                .execute()
                .path("session.id")
                .entity(String.class)
                .isEqualTo(sessionId);
    }

    @Test
    void anotherUserAndAMalformedIdAreNotFound() {
        SignedIn owner = signUp();
        SignedIn other = signUp();
        for (String id : List.of(owner.id(), "not-an-object-id")) {
            var response = other.graphQl()
                    .document("query($id: ID!) { user(id: $id) { id email } }")
                    .variable("id", id)
                    .execute();
            assertSingleError(response, ErrorType.NOT_FOUND);
            response.path("user").valueIsNull();
        }
    }

    @Test
    void meShowsTheNestedSessionsHabitsAndModel() {
        SignedIn user = signUp();
        start(user, "MENTAL_REHEARSAL", null, 900);
        user.graphQl()
                .documentName("createHabit")
                .variable(
                        "input",
                        Map.of(
                                "habitType", "POSITIVE_ROUTINE",
                                "trigger", "morning coffee",
                                "routine", "ten minute walk",
                                "reward", "fresh air",
                                "interruptProtocol", Map.of("technique", "box_breathing", "durationSeconds", 120)))
                .execute()
                .path("createHabit.id")
                .hasValue();

        GraphQlTester.Response me = user.graphQl().documentName("meNested").execute();
        me.path("me.id").entity(String.class).isEqualTo(user.id());
        me.path("me.sessions.edges[*].node.moduleType").entityList(String.class).containsExactly("MENTAL_REHEARSAL");
        me.path("me.sessions.edges[0].node.user.id").entity(String.class).isEqualTo(user.id());
        me.path("me.habits[*].habitType").entityList(String.class).containsExactly("POSITIVE_ROUTINE");
        me.path("me.habits[0].user.id").entity(String.class).isEqualTo(user.id());
        me.path("me.model").valueIsNull();
    }

    private GraphQlTester.Response start(SignedIn user, String moduleType, @Nullable String target, int seconds) {
        Map<String, Object> input = new HashMap<>(Map.of("moduleType", moduleType, "durationSeconds", seconds));
        if (target != null) {
            input.put("brainwaveTarget", target);
        }
        return user.graphQl()
                .documentName("startSession")
                .variable("input", input)
                .execute();
    }

    private static GraphQlTester.Response mySessions(
            SignedIn user, Map<String, Object> filter, int first, @Nullable String after) {
        return user.graphQl()
                .documentName("mySessions")
                .variable("filter", filter)
                .variable("first", first)
                .variable("after", after)
                .execute();
    }

    private static List<String> ids(GraphQlTester.Response response) {
        return response.path("me.sessions.edges[*].node.id")
                .entityList(String.class)
                .get();
    }

    private static String notFoundMessage(GraphQlTester.Response response) {
        assertSingleError(response, ErrorType.NOT_FOUND);
        response.path("session").valueIsNull();
        List<String> message = new ArrayList<>();
        response.errors().satisfy(errors -> message.add(errors.get(0).getMessage()));
        return message.get(0);
    }

    private Set<String> allSessionIds(String userId) {
        Set<String> ids = new LinkedHashSet<>();
        mongo.getCollection("sessions")
                .find(new Document("user_id", userId))
                .forEach(document -> ids.add(document.getObjectId("_id").toHexString()));
        return ids;
    }

    private static Document storedSession(String userId, Instant timestamp) {
        return new Document("_id", new ObjectId())
                .append("user_id", userId)
                .append("module_type", "movers")
                .append("generated_content", new Document("duration", 300))
                .append("user_rating", null)
                .append("effectiveness_score", null)
                .append("timestamp", Date.from(timestamp))
                .append("duration_seconds", 300);
    }
}
