import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acknowledged writes per second against a running server: signs one person up per client, gives
 * each a habit, then each client records habit attempts back to back (one Mongo update each) for the
 * given time. Prints "writes/s N (acknowledged A, failed F)".
 *
 * <p>Arguments: base URL, clients, seconds.
 */
public class Writes {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{24})\"");

    public static void main(String[] args) throws Exception {
        String url = args[0] + "/graphql";
        int clients = Integer.parseInt(args[1]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
        List<String[]> people = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String token = find(TOKEN, post(url, null, "mutation { register(input: {email: \\\"writer-" + System.nanoTime()
                    + "@bench.test\\\", password: \\\"correct horse battery staple\\\", chronotype: BEAR}) { token } }"));
            String habit = find(ID, post(url, token, "mutation { createHabit(input: {habitType: POSITIVE_ROUTINE,"
                    + " trigger: \\\"t\\\", routine: \\\"r\\\", reward: \\\"w\\\","
                    + " interruptProtocol: {technique: \\\"breathe\\\", durationSeconds: 30}}) { id } }"));
            people.add(new String[] {token, habit});
        }
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (String[] person : people) {
            threads.add(Thread.ofVirtual().start(() -> {
                String attempt = "mutation { recordHabitAttempt(input: {habitId: \\\"" + person[1]
                        + "\\\", success: true}) { attemptCount } }";
                while (System.nanoTime() < end) {
                    try {
                        String body = post(url, person[0], attempt);
                        (body.contains("\"attemptCount\"") ? acknowledged : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf(
                "writes/s %.0f (acknowledged %d, failed %d, %d clients, %d s)%n",
                acknowledged.get() / (double) length.toSeconds(), acknowledged.get(), failed.get(), clients,
                length.toSeconds());
    }

    private static String post(String url, String token, String document) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + document + "\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return matcher.group(1);
    }
}
