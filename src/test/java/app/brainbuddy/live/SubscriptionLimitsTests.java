package app.brainbuddy.live;

import static app.brainbuddy.live.SubscriptionTests.HABIT_CHANGED;
import static app.brainbuddy.live.SubscriptionTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.brainbuddy.GraphQlIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each limit of live updates (GraphQlIntegrationTest sets them small) is refused with a clear error,
 * and just under it the same thing works, so that each refusal is the limit's.
 */
class SubscriptionLimitsTests extends GraphQlIntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    private SubscriptionSlots slots;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no token in connection_init  | {}                                  | Authorization
            not a bearer token           | {"Authorization": "Basic YTpi"}     | Authorization
            a forged token               | {"Authorization": "Bearer a.b.c"}   | invalid, expired or revoked
            """)
    void aConnectionWithoutAValidTokenIsClosedSayingWhy(String caseName, String payload, String says) {
        try (GraphQlWsClient client = GraphQlWsClient.connect(port)) {
            client.sendText("{\"type\":\"connection_init\",\"payload\":" + payload + "}");
            GraphQlWsClient.Closed closed = client.closedWithin(GraphQlWsClient.WAIT);
            assertThat(closed.code()).isEqualTo(Connections.UNAUTHORIZED);
            assertThat(closed.reason()).contains(says);
        }
    }

    @Test
    void aConnectionRunsAtMostPerConnectionSubscriptions() {
        SignedIn ana = signUp();
        try (GraphQlWsClient phone = GraphQlWsClient.signedIn(port, ana.token())) {
            for (int i = 1; i <= 3; i++) {
                phone.subscribe("s" + i, HABIT_CHANGED);
            }
            await().atMost(GraphQlWsClient.WAIT).until(() -> slots.runningOf(ana.id()) == 3);
            phone.subscribe("s4", HABIT_CHANGED);
            assertError(phone.next(), "FORBIDDEN", "per-connection");
            assertThat(slots.runningOf(ana.id())).isEqualTo(3);

            phone.complete("s1");
            await().atMost(GraphQlWsClient.WAIT).until(() -> slots.runningOf(ana.id()) == 2);
            phone.subscribe("s5", HABIT_CHANGED);
            await().atMost(GraphQlWsClient.WAIT).until(() -> slots.runningOf(ana.id()) == 3);
        }
    }

    @Test
    void aPersonRunsAtMostPerPersonSubscriptionsOverAllConnectionsAndSse() throws Exception {
        SignedIn ana = signUp();
        try (GraphQlWsClient phone = GraphQlWsClient.signedIn(port, ana.token());
                GraphQlWsClient watch = GraphQlWsClient.signedIn(port, ana.token());
                SseClient browser = new SseClient(port, ana.token(), HABIT_CHANGED)) {
            for (int i = 1; i <= 3; i++) {
                phone.subscribe("s" + i, HABIT_CHANGED);
            }
            watch.subscribe("w1", HABIT_CHANGED);
            await().atMost(GraphQlWsClient.WAIT).until(() -> slots.runningOf(ana.id()) == 5);

            watch.subscribe("w2", HABIT_CHANGED);
            assertError(watch.next(), "FORBIDDEN", "per-person");
            assertThat(slots.runningOf(ana.id())).isEqualTo(5);
        }
    }

    @Test
    void aPersonHoldsAtMostConnectionsPerPersonConnections() {
        SignedIn ana = signUp();
        List<GraphQlWsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                GraphQlWsClient client = GraphQlWsClient.signedIn(port, ana.token());
                client.subscribe("1", HABIT_CHANGED); // busy, so that the idle sweep leaves it open
                open.add(client);
            }
            GraphQlWsClient fifth = GraphQlWsClient.connect(port);
            open.add(fifth);
            fifth.init(Map.of("Authorization", "Bearer " + ana.token()));
            GraphQlWsClient.Closed closed = fifth.closedWithin(GraphQlWsClient.WAIT);
            assertThat(closed.code()).isEqualTo(Connections.TOO_MANY);
            assertThat(closed.reason()).contains("connections-per-person");
            assertThat(open.subList(0, 4)).noneMatch(GraphQlWsClient::isClosed);
        } finally {
            open.forEach(GraphQlWsClient::close);
        }
    }

    @Test
    void aConnectionIdleWithoutASubscriptionIsClosedAndABusyOneIsNot() {
        SignedIn ana = signUp();
        try (GraphQlWsClient idle = GraphQlWsClient.signedIn(port, ana.token());
                GraphQlWsClient busy = GraphQlWsClient.signedIn(port, ana.token())) {
            busy.subscribe("1", HABIT_CHANGED);

            GraphQlWsClient.Closed closed = idle.closedWithin(Duration.ofSeconds(30));

            assertThat(closed.code()).isEqualTo(Connections.IDLE);
            assertThat(closed.reason()).contains("idle-timeout");
            assertThat(busy.isClosed()).isFalse();
        }
    }

    @Test
    void aMessageOverTheSizeLimitClosesTheConnection() {
        SignedIn ana = signUp();
        String padding = " ".repeat(9 * 1024);
        try (GraphQlWsClient small = GraphQlWsClient.signedIn(port, ana.token());
                GraphQlWsClient large = GraphQlWsClient.signedIn(port, ana.token())) {
            small.subscribe("1", "subscription { habitChanged { id } }" + " ".repeat(7 * 1024));
            large.subscribe("1", "subscription { habitChanged { id } }" + padding);

            assertThat(large.closedWithin(GraphQlWsClient.WAIT).code()).isEqualTo(1009);
            await().atMost(GraphQlWsClient.WAIT).until(() -> slots.runningOf(ana.id()) == 1);
            assertThat(small.isClosed()).isFalse();
        }
    }
}
