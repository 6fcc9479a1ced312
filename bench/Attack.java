import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Fairness under attack (issue 15): normal users' latency with and without an attacker, against a
 * server on the loopback interface only. Normal users (each its own account) loop over a page of
 * their sessions, a habit attempt and a habit's 30-day history. The attacker, bounded in threads
 * and time, sends at once: exponential fragment documents (k = 30, 40, 60), the habits x history x
 * aliases query, 30 aliases of 100 large sessions, syncs of 500 sessions, and trickling half-open
 * connections (at most 200). Prints p50/p99 of the normal users for both phases, and how many of
 * the attacker's requests were turned away at the door (the cool-down).
 *
 * Usage: [ATTACKS=fragments,habits,amplify,sync,slow] java bench/Attack.java PORT [SECONDS] [USERS]
 */
public class Attack {

    /** Which attacks run (all by default): fragments, habits, amplify, sync, slow; none of the documents = {__typename}. */
    static final Set<String> ATTACKS =
            Set.of(System.getenv().getOrDefault("ATTACKS", "fragments,habits,amplify,sync,slow").split(","));

    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        base = "http://127.0.0.1:" + port;
        List<String> tokens = new ArrayList<>();
        List<String> habits = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String token = register("normal" + i + "-" + System.nanoTime() + "@bench.test");
            tokens.add(token);
            habits.add(createHabit(token));
            record(token, 20, 100);
        }
        String attacker = register("attacker-" + System.nanoTime() + "@bench.test");
        for (int i = 0; i < 10; i++) {
            createHabit(attacker);
        }
        record(attacker, 100, 15_000);

        phase("warm-up", tokens, habits, seconds / 2, null);
        List<Long> quiet = phase("without attacker", tokens, habits, seconds, null);
        List<Long> attacked = phase("with attacker", tokens, habits, seconds, attacker);
        System.out.printf("%-18s %8s %8s %8s %8s%n", "normal users", "requests", "p50 ms", "p99 ms", "max ms");
        print("without attacker", quiet);
        print("with attacker", attacked);
        System.out.printf("p99 ratio with/without: %.2f%n", (double) pct(attacked, 0.99) / Math.max(1, pct(quiet, 0.99)));
    }

    static List<Long> phase(String name, List<String> tokens, List<String> habits, int seconds, String attacker)
            throws Exception {
        Instant until = Instant.now().plusSeconds(seconds);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicLong attacks = new AtomicLong();
        AtomicLong turnedAway = new AtomicLong();
        if (attacker != null) {
            startAttacker(pool, attacker, until, attacks, turnedAway);
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String habit = habits.get(i);
            pool.submit(() -> {
                String[] documents = {
                    "{\"query\":\"{me{sessions(first:10){edges{node{id moduleType timestamp}}}}}\"}",
                    "{\"query\":\"mutation{recordHabitAttempt(input:{habitId:\\\"" + habit + "\\\",success:true}){attemptCount}}\"}",
                    "{\"query\":\"{habit(id:\\\"" + habit + "\\\"){history(days:30){date attempts}}}\"}"
                };
                int n = 0;
                while (Instant.now().isBefore(until)) {
                    long start = System.nanoTime();
                    try {
                        String body = post(token, documents[n++ % documents.length]);
                        if (body.contains("\"errors\"")) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - start) / 1_000_000);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        pool.shutdownNow();
        System.out.printf("[%s] %d normal requests, %d failed; %d attacker requests, %d of them turned away at the door%n",
                name, latencies.size(), failures.get(), attacks.get(), turnedAway.get());
        return new ArrayList<>(latencies);
    }

    static void startAttacker(
            ExecutorService pool, String token, Instant until, AtomicLong attacks, AtomicLong turnedAway) {
        List<String> documents = new ArrayList<>();
        if (ATTACKS.contains("fragments")) {
            for (int k : new int[] {30, 40, 60}) {
                StringBuilder d = new StringBuilder("query{...F" + k + "} fragment F0 on Query{__typename}");
                for (int i = 1; i <= k; i++) {
                    d.append(" fragment F").append(i).append(" on Query{...F").append(i - 1).append(" ...F").append(i - 1).append('}');
                }
                documents.add(d.toString());
            }
        }
        if (ATTACKS.contains("habits")) {
            documents.add(IntStream.range(0, 10).mapToObj(i -> "a" + i + ":habits{history(days:366){date attempts successes}}")
                    .collect(Collectors.joining(" ", "{me{", "}}")));
        }
        if (ATTACKS.contains("amplify")) {
            documents.add(IntStream.range(0, 30).mapToObj(i -> "a" + i + ":sessions(first:100){edges{node{generatedContent}}}")
                    .collect(Collectors.joining(" ", "{me{", "}}")));
        }
        if (ATTACKS.contains("sync")) {
            documents.add(null); // a sync of 500 sessions
        }
        if (documents.isEmpty()) {
            documents.add("{__typename}"); // a cheap accepted request, as fast as the threads go
        }
        for (int t = 0; t < 4; t++) {
            int offset = t;
            pool.submit(() -> {
                int n = offset;
                while (Instant.now().isBefore(until)) {
                    try {
                        String document = documents.get(n % documents.size());
                        String body = document == null
                                ? record(token, 500, 100)
                                : post(token, "{\"query\":" + quote(document) + "}");
                        if (body.contains("brainbuddy.cool-down")) {
                            turnedAway.incrementAndGet();
                        }
                    } catch (Exception ignored) {
                        // refusals and errors are what the attacker expects
                    }
                    attacks.incrementAndGet();
                    n++;
                }
                return null;
            });
        }
        if (!ATTACKS.contains("slow")) {
            return;
        }
        pool.submit(() -> { // slow clients: at most 200 half-open connections trickling a header line
            List<Socket> sockets = new ArrayList<>();
            try {
                while (Instant.now().isBefore(until)) {
                    while (sockets.size() < 200) {
                        Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(base).getPort());
                        socket.getOutputStream().write("POST /graphql HTTP/1.1\r\nHost: x\r\n".getBytes());
                        sockets.add(socket);
                    }
                    for (Socket socket : List.copyOf(sockets)) {
                        try {
                            OutputStream out = socket.getOutputStream();
                            out.write("X-a: b\r\n".getBytes());
                            out.flush();
                        } catch (Exception closed) {
                            sockets.remove(socket);
                            attacks.incrementAndGet();
                        }
                    }
                    Thread.sleep(2_000);
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            return null;
        });
    }

    static String register(String email) throws Exception {
        String body = post(null, "{\"query\":\"mutation($i:RegisterInput!){register(input:$i){token}}\",\"variables\":{\"i\":{\"email\":\""
                + email + "\",\"password\":\"correct horse battery staple\",\"chronotype\":\"BEAR\"}}}");
        return field(body, "token");
    }

    static String createHabit(String token) throws Exception {
        String body = post(token, "{\"query\":\"mutation{createHabit(input:{habitType:NEGATIVE_LOOP,trigger:\\\"t\\\",routine:\\\"r\\\",reward:\\\"w\\\",interruptProtocol:{technique:\\\"box_breathing\\\",durationSeconds:60}}){id}}\"}");
        return field(body, "id");
    }

    static String record(String token, int items, int contentChars) throws Exception {
        String content = "n".repeat(contentChars);
        Instant start = Instant.now().minus(Duration.ofDays(2));
        String input = IntStream.range(0, items)
                .mapToObj(i -> "{\"moduleType\":\"MOVERS\",\"durationSeconds\":600,\"timestamp\":\"" + start.plusSeconds(i)
                        + "\",\"generatedContent\":{\"notes\":\"" + content + "\"}}")
                .collect(Collectors.joining(",", "[", "]"));
        return post(token, "{\"query\":\"mutation($i:[RecordSessionInput!]!){recordSessions(input:$i){id}}\",\"variables\":{\"i\":" + input + "}}");
    }

    static String post(String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String body, String name) {
        int at = body.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            throw new IllegalStateException("no " + name + " in " + body);
        }
        int start = at + name.length() + 4;
        return body.substring(start, body.indexOf('"', start));
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static long pct(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    static void print(String name, List<Long> values) {
        System.out.printf("%-18s %8d %8d %8d %8d%n", name, values.size(), pct(values, 0.5), pct(values, 0.99),
                values.isEmpty() ? 0 : Collections.max(values));
    }
}
