import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subscription fan-out: one person holds {@code subscriptions} habitChanged subscriptions over
 * graphql-ws ({@code perConnection} on each connection), records {@code events} habit attempts over
 * HTTP one after another, and measures how fast the events reach every subscription: deliveries per
 * second (events x subscriptions / time from the first attempt to the last delivery) and the time
 * from an attempt's answer to its last delivery. JDK only, so that bench/run compiles it with the rest.
 *
 * Usage: java bench/Fanout.java BASE_URL [subscriptions] [perConnection] [events]
 */
public class Fanout {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int subscriptions = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int perConnection = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int events = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        String email = "fanout" + System.nanoTime() + "@bench.test";
        String token = field(post(http, base, null, "mutation { register(input: {email: \\\"" + email
                + "\\\", password: \\\"correct horse battery staple\\\", chronotype: BEAR}) { token } }"), "token");
        String habit = field(post(http, base, token, "mutation { createHabit(input: {habitType: NEGATIVE_LOOP,"
                + " trigger: \\\"t\\\", routine: \\\"r\\\", reward: \\\"w\\\", interruptProtocol: {technique: \\\"b\\\","
                + " durationSeconds: 60}}) { id } }"), "id");

        AtomicLong delivered = new AtomicLong();
        CountDownLatch all = new CountDownLatch(subscriptions * events);
        long[] lastDelivery = new long[events + 1];
        List<WebSocket> sockets = new ArrayList<>();
        CountDownLatch acked = new CountDownLatch((subscriptions + perConnection - 1) / perConnection);
        URI ws = URI.create(base.replaceFirst("^http", "ws") + "/graphql");
        for (int opened = 0; opened < subscriptions; opened += perConnection) {
            int here = Math.min(perConnection, subscriptions - opened);
            WebSocket socket = http.newWebSocketBuilder()
                    .subprotocols("graphql-transport-ws")
                    .buildAsync(ws, new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                String message = text.toString();
                                text.setLength(0);
                                if (message.contains("connection_ack")) {
                                    for (int i = 0; i < here; i++) {
                                        socket.sendText("{\"type\":\"subscribe\",\"id\":\"" + i + "\",\"payload\":"
                                                + "{\"query\":\"subscription { habitChanged { id attemptCount currentStreak strength } }\"}}", true);
                                    }
                                    acked.countDown();
                                } else if (message.contains("\"next\"")) {
                                    Matcher count = Pattern.compile("\"attemptCount\":(\\d+)").matcher(message);
                                    if (count.find()) {
                                        int event = Integer.parseInt(count.group(1));
                                        if (event <= events) {
                                            lastDelivery[event] = Math.max(lastDelivery[event], System.nanoTime());
                                        }
                                    }
                                    delivered.incrementAndGet();
                                    all.countDown();
                                } else if (message.contains("\"ping\"")) {
                                    socket.sendText("{\"type\":\"pong\"}", true);
                                } else if (message.contains("\"error\"")) {
                                    System.err.println("subscription refused: " + message);
                                    System.exit(1);
                                }
                            }
                            socket.request(1);
                            return null;
                        }
                    })
                    .join();
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}", true);
            sockets.add(socket);
        }
        if (!acked.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every connection was acknowledged");
        }
        Thread.sleep(2000); // the subscribe messages have no answer: let them all start

        long[] answered = new long[events + 1];
        long start = System.nanoTime();
        for (int event = 1; event <= events; event++) {
            post(http, base, token, "mutation { recordHabitAttempt(input: {habitId: \\\"" + habit
                    + "\\\", success: true}) { attemptCount } }");
            answered[event] = System.nanoTime();
        }
        boolean complete = all.await(120, TimeUnit.SECONDS);
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        List<Double> lags = new ArrayList<>();
        for (int event = 1; event <= events; event++) {
            if (lastDelivery[event] > 0) {
                lags.add((lastDelivery[event] - answered[event]) / 1e6);
            }
        }
        lags.sort(Double::compare);
        System.out.printf(
                "fan-out: %d subscriptions on %d connections, %d events: %d of %d deliveries in %.2f s = %.0f deliveries/s%s;"
                        + " attempt answered -> last subscriber: p50 %.0f ms, max %.0f ms%n",
                subscriptions, sockets.size(), events, delivered.get(), (long) subscriptions * events, seconds,
                delivered.get() / seconds, complete ? "" : " (INCOMPLETE)",
                lags.isEmpty() ? Double.NaN : lags.get(lags.size() / 2),
                lags.isEmpty() ? Double.NaN : lags.get(lags.size() - 1));
        sockets.forEach(socket -> socket.abort());
        System.exit(complete ? 0 : 1);
    }

    private static String post(HttpClient http, String base, String token, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String body = http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        if (body.contains("\"errors\"")) {
            throw new IllegalStateException(body);
        }
        return body;
    }

    private static String field(String json, String name) {
        Matcher found = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!found.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return found.group(1);
    }
}
