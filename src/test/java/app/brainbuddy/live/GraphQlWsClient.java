package app.brainbuddy.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graphql-ws client (the graphql-transport-ws protocol) on the JDK's own WebSocket, as a device
 * would use it: every message it receives is queued for the test to take, and the close is kept.
 */
final class GraphQlWsClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    record Closed(int code, String reason) {}

    private GraphQlWsClient(URI uri) {
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(uri, new Listener())
                .join();
    }

    static GraphQlWsClient connect(int port) {
        return new GraphQlWsClient(URI.create("ws://localhost:" + port + "/graphql"));
    }

    /** Connects and signs in with the token; fails unless the server acknowledges. */
    static GraphQlWsClient signedIn(int port, String token) {
        GraphQlWsClient client = connect(port);
        client.init(Map.of("Authorization", "Bearer " + token));
        JsonNode ack = client.next();
        assertThat(ack.path("type").asString())
                .as("answer to connection_init: %s", ack)
                .isEqualTo("connection_ack");
        return client;
    }

    void init(Map<String, Object> payload) {
        send(Map.of("type", "connection_init", "payload", payload));
    }

    void subscribe(String id, String query) {
        send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", query)));
    }

    void complete(String id) {
        send(Map.of("type", "complete", "id", id));
    }

    void send(Object message) {
        sendText(JSON.writeValueAsString(message));
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message other than a ping (answered, as the protocol asks). */
    JsonNode next() {
        return nextWithin(WAIT);
    }

    JsonNode nextWithin(Duration wait) {
        JsonNode message = poll(wait);
        if (message == null) {
            throw new AssertionError(
                    "no message within " + wait + (closed.isDone() ? "; closed " + closed.join() : ""));
        }
        return message;
    }

    /** The next message within the time, or null. */
    @Nullable
    JsonNode poll(Duration wait) {
        try {
            while (true) {
                JsonNode message = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (message == null || !message.path("type").asString().equals("ping")) {
                    return message;
                }
                send(Map.of("type", "pong"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Closed closedWithin(Duration wait) {
        return closed.orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(failure -> null);
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
