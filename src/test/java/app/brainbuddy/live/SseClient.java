package app.brainbuddy.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL-over-SSE client as a browser's fetch would be: one POST with {@code Accept:
 * text/event-stream}, read line by line; each event is kept as its name and data.
 */
final class SseClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile @Nullable Stream<String> lines;

    record Event(String name, String data) {}

    SseClient(int port, String token, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build();
        // HTTP/1.1 as a browser speaks it to a plain-http server (no h2c upgrade)
        this.response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(answer -> {
                    Thread reader = new Thread(() -> read(answer.body()), "sse-client");
                    reader.setDaemon(true);
                    reader.start();
                    return answer;
                });
    }

    int status() {
        return response.orTimeout(GraphQlWsClient.WAIT.toSeconds(), TimeUnit.SECONDS)
                .join()
                .statusCode();
    }

    @Nullable
    Event poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event other than a keep-alive. */
    Event next() throws InterruptedException {
        Event event = poll(GraphQlWsClient.WAIT);
        if (event == null) {
            throw new AssertionError("no event within " + GraphQlWsClient.WAIT);
        }
        return event;
    }

    private void read(Stream<String> body) {
        lines = body;
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) body::iterator) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Event(name, data.toString()));
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()).strip());
            }
        }
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        response.cancel(true);
    }
}
