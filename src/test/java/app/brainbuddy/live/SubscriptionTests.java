package app.brainbuddy.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.HabitInputs;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates through the public endpoints, as devices receive them: graphql-ws clients on the
 * JDK's WebSocket and an SSE stream, while the changes are made over plain HTTP GraphQL.
 */
class SubscriptionTests extends GraphQlIntegrationTest {

    static final String HABIT_CHANGED =
            "subscription { habitChanged { id attemptCount successCount currentStreak strength user { id } } }";

    /** Long enough for an event that would come to have come, on a busy machine. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @LocalServerPort
    private int port;

    @Autowired
    private SubscriptionSlots slots;

    @Autowired
    private JwtEncoder encoder;

    @Test
    void bothDevicesOfAPersonHearAnAttemptMadeOverHttpAndAnotherPersonHearsNothingOfIt() {
        SignedIn ana = signUp();
        SignedIn bo = signUp();
        String anasHabit = createHabit(ana);
        String bosHabit = createHabit(bo);
        try (GraphQlWsClient phone = GraphQlWsClient.signedIn(port, ana.token());
                GraphQlWsClient watch = GraphQlWsClient.signedIn(port, ana.token());
                GraphQlWsClient other = GraphQlWsClient.signedIn(port, bo.token())) {
            phone.subscribe("1", HABIT_CHANGED);
            watch.subscribe("1", HABIT_CHANGED);
            other.subscribe("1", HABIT_CHANGED);
            awaitRunning(ana, 2);
            awaitRunning(bo, 1);

            recordAttempt(ana, anasHabit, true);

            for (GraphQlWsClient device : List.of(phone, watch)) {
                JsonNode event = device.next();
                assertThat(event.path("type").asString()).as("%s", event).isEqualTo("next");
                assertThat(event.path("id").asString()).isEqualTo("1");
                JsonNode habit = event.at("/payload/data/habitChanged");
                assertThat(habit.path("id").asString()).isEqualTo(anasHabit);
                assertThat(habit.path("attemptCount").asInt()).isEqualTo(1);
                assertThat(habit.path("currentStreak").asInt()).isEqualTo(1);
                assertThat(habit.path("strength").asDouble()).isPositive();
                assertThat(habit.at("/user/id").asString()).isEqualTo(ana.id());
            }
            // Bo's first event is his own attempt: Ana's never reached him (this would fail if it had)
            recordAttempt(bo, bosHabit, false);
            JsonNode bosFirst = other.next();
            assertThat(bosFirst.at("/payload/data/habitChanged/id").asString()).isEqualTo(bosHabit);
            assertThat(phone.poll(QUIET)).as("Bo's attempt on Ana's phone").isNull();
        }
    }

    @Test
    void sseDeliversTheSameEventsAsGraphqlWs() throws Exception {
        SignedIn ana = signUp();
        String habit = createHabit(ana);
        try (SseClient browser = new SseClient(port, ana.token(), HABIT_CHANGED);
                GraphQlWsClient phone = GraphQlWsClient.signedIn(port, ana.token())) {
            phone.subscribe("s", HABIT_CHANGED);
            awaitRunning(ana, 2);

            recordAttempt(ana, habit, true);
            recordAttempt(ana, habit, false);

            for (int attempt = 1; attempt <= 2; attempt++) {
                SseClient.Event event = browser.next();
                assertThat(event.name()).isEqualTo("next");
                JsonNode overSse = JsonMapper.shared().readTree(event.data()).at("/data/habitChanged");
                JsonNode overWs = phone.next().at("/payload/data/habitChanged");
                assertThat(overSse).isEqualTo(overWs);
                assertThat(overSse.path("attemptCount").asInt()).isEqualTo(attempt);
            }
            assertThat(browser.status()).isEqualTo(200);
        }
    }

    @Test
    void sessionsStoredAndRatedAndTheModelThatLearnsAreAnnounced() {
        SignedIn ana = signUp();
        try (GraphQlWsClient phone = GraphQlWsClient.signedIn(port, ana.token())) {
            phone.subscribe("sessions", "subscription { sessionChanged { id userRating } }");
            phone.subscribe("model", "subscription { modelUpdated { phase trainingSteps } }");
            awaitRunning(ana, 2);

            String session = startSession(ana, "MOVERS");
            JsonNode stored = phone.next();
            assertThat(stored.path("id").asString()).isEqualTo("sessions");
            assertThat(stored.at("/payload/data/sessionChanged/id").asString()).isEqualTo(session);
            assertThat(stored.at("/payload/data/sessionChanged/userRating").isNull())
                    .isTrue();

            ana.graphQl()
                    .documentName("rateSession")
                    .variable("input", Map.of("sessionId", session, "rating", 4, "effectivenessScore", 0.7))
                    .execute()
                    .path("rateSession.userRating")
                    .entity(Integer.class)
                    .isEqualTo(4);
            Map<String, JsonNode> byId = new HashMap<>();
            for (int message = 0; message < 2; message++) {
                JsonNode next = phone.next();
                byId.put(next.path("id").asString(), next);
            }
            assertThat(byId.get("sessions")
                            .at("/payload/data/sessionChanged/userRating")
                            .asInt())
                    .isEqualTo(4);
            assertThat(byId.get("model")
                            .at("/payload/data/modelUpdated/trainingSteps")
                            .asInt())
                    .isEqualTo(1);
            assertThat(byId.get("model").at("/payload/data/modelUpdated/phase").asString())
                    .isEqualTo("DEVELOPMENTAL");
        }
    }

    @Test
    void anExpiredTokensSubscriptionEndsWithUnauthorizedAndItsConnectionCloses() {
        SignedIn ana = signUp();
        Instant expiresAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        try (GraphQlWsClient phone = GraphQlWsClient.signedIn(port, tokenExpiringAt(ana, expiresAt))) {
            phone.subscribe("1", HABIT_CHANGED);
            awaitRunning(ana, 1);

            JsonNode ended = phone.next();

            assertThat(Instant.now()).isAfterOrEqualTo(expiresAt);
            assertError(ended, "UNAUTHORIZED", "expired");
            assertThat(phone.closedWithin(GraphQlWsClient.WAIT).code()).isEqualTo(Connections.UNAUTHORIZED);
            // the slot is given back as the subscription ends on the server, just after its error is sent
            awaitRunning(ana, 0);
        }
    }

    @Test
    void deletingTheAccountEndsItsSubscriptions() {
        SignedIn ana = signUp();
        try (GraphQlWsClient phone = GraphQlWsClient.signedIn(port, ana.token())) {
            phone.subscribe("habits", HABIT_CHANGED);
            phone.subscribe("account", "subscription { accountChanged { change } }");
            awaitRunning(ana, 2);

            ana.graphQl()
                    .document("mutation { deleteAccount { deleted } }")
                    .execute()
                    .path("deleteAccount.deleted")
                    .entity(Boolean.class)
                    .isEqualTo(true);

            Map<String, JsonNode> byId = new HashMap<>();
            while (byId.size() < 2) {
                JsonNode message = phone.next();
                if (message.path("type").asString().equals("error")) {
                    byId.put(message.path("id").asString(), message);
                }
            }
            assertError(byId.get("habits"), "UNAUTHORIZED", "deleted");
            assertError(byId.get("account"), "UNAUTHORIZED", "deleted");
            // the slot is given back as the subscription ends on the server, just after its error is sent
            awaitRunning(ana, 0);
        }
    }

    @Test
    void anIntegrationTokenHearsOnlyWhatItsScopeAndThePrivacySettingsShareAndStopsWhenRevoked() {
        SignedIn ana = signUp();
        String habit = createHabit(ana);
        share(ana, true);
        String habitsOnly = integrationToken(ana, "HABITS_READ");
        String statsOnly = integrationToken(ana, "STATS_READ");
        try (GraphQlWsClient dashboard = GraphQlWsClient.signedIn(port, habitsOnly);
                GraphQlWsClient other = GraphQlWsClient.signedIn(port, statsOnly)) {
            other.subscribe("1", HABIT_CHANGED);
            assertError(other.next(), "FORBIDDEN", "habits:read");
            dashboard.subscribe("account", "subscription { accountChanged { change } }");
            assertError(dashboard.next(), "FORBIDDEN", "Integration tokens");

            dashboard.subscribe("1", HABIT_CHANGED);
            awaitRunning(ana, 1);
            recordAttempt(ana, habit, true);
            assertThat(dashboard
                            .next()
                            .at("/payload/data/habitChanged/attemptCount")
                            .asInt())
                    .isEqualTo(1);

            share(ana, false);
            assertError(dashboard.next(), "FORBIDDEN", "privacy settings");

            share(ana, true);
            dashboard.subscribe("2", HABIT_CHANGED);
            awaitRunning(ana, 1);
            String grant = ana.graphQl()
                    .document("{ me { integrations { id name } } }")
                    .execute()
                    .path("me.integrations[?(@.name == 'HABITS_READ')].id")
                    .entityList(String.class)
                    .get()
                    .get(0);
            revokeIntegration(ana.graphQl(), grant);
            assertError(dashboard.next(), "UNAUTHORIZED", "revoked");
        }
    }

    private static void share(SignedIn user, boolean habits) {
        user.graphQl()
                .document("mutation($on: Boolean!) { updateProfile(input: {privacy: {shareHabits: $on}}) { id } }")
                .variable("on", habits)
                .execute()
                .path("updateProfile.id")
                .entity(String.class)
                .isEqualTo(user.id());
    }

    private static String integrationToken(SignedIn user, String scope) {
        return user.graphQl()
                .documentName("createIntegrationToken")
                .variable("input", Map.of("name", scope, "scopes", List.of(scope)))
                .execute()
                .path("createIntegrationToken.token")
                .entity(String.class)
                .get();
    }

    /** A graphql-ws error message: one error of this classification whose message says this. */
    static void assertError(JsonNode message, String classification, String says) {
        assertThat(message.path("type").asString()).as("%s", message).isEqualTo("error");
        assertThat(message.path("payload")).hasSize(1);
        assertThat(message.at("/payload/0/extensions/classification").asString())
                .as("%s", message)
                .isEqualTo(classification);
        assertThat(message.at("/payload/0/message").asString()).contains(says);
    }

    private void awaitRunning(SignedIn person, int subscriptions) {
        await().atMost(GraphQlWsClient.WAIT).until(() -> slots.runningOf(person.id()) == subscriptions);
    }

    private String createHabit(SignedIn user) {
        return user.graphQl()
                .documentName("createHabit")
                .variable("input", HabitInputs.negativeLoop("stress at work"))
                .execute()
                .path("createHabit.id")
                .entity(String.class)
                .get();
    }

    private static void recordAttempt(SignedIn user, String habitId, boolean success) {
        user.graphQl()
                .documentName("recordHabitAttempt")
                .variable("input", Map.of("habitId", habitId, "success", success))
                .execute()
                .path("recordHabitAttempt.id")
                .entity(String.class)
                .isEqualTo(habitId);
    }

    /** A token of this server for the person that expires at the given instant. */
    String tokenExpiringAt(SignedIn person, Instant expiresAt) {
        JsonNode claims = JsonMapper.shared()
                .readTree(Base64.getUrlDecoder().decode(person.token().split("\\.")[1]));
        JwtClaimsSet set = JwtClaimsSet.builder()
                .issuer(claims.path("iss").asString())
                .audience(List.of(
                        claims.path("aud").isArray()
                                ? claims.path("aud").get(0).asString()
                                : claims.path("aud").asString()))
                .subject(person.id())
                .issuedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .expiresAt(expiresAt)
                .id("short-" + System.nanoTime())
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), set))
                .getTokenValue();
    }
}
