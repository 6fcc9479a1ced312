import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Seeds the benchmark's data set straight through the driver, shaped like the application's own
 * documents (DESIGN section 3). The accounts that log in were registered through the API first, so
 * they have real bcrypt hashes and tokens; the rest of the users copy one of those hashes. Session
 * content is cloned from sessions the API generated (startSession), so it is the application's
 * own content with other durations, times and ratings.
 *
 * <p>Personal models of the bulk users hold random bytes in place of ciphertext: the benchmarked
 * reads (phase, trainingSteps, lastUpdated) never decrypt them, and those users never rate.
 *
 * <p>{@code --check-empty mongoUri} only checks that the database holds no users, sessions or habits
 * yet (the benchmark writes into it), and fails otherwise.
 *
 * <p>Arguments: mongoUri users sessionsPerUser habitsPerUser accountsTsv poolTsv. accountsTsv has
 * "role TAB userId TAB token" lines; poolTsv gets "userId TAB token TAB sessionId TAB habitId"
 * lines for the write workloads, shuffled so that neighbouring lines belong to different users.
 */
public class Seed {

    private static final String[] CHRONOTYPES = {"lion", "bear", "wolf", "dolphin"};
    private static final int[] DURATIONS = {300, 600, 900, 1200, 1800};
    private static final String[][] LOOPS = {
        {"stress at work", "scrolling social media", "temporary distraction", "box_breathing"},
        {"phone notification", "checking email", "feeling up to date", "urge_surfing"},
        {"after lunch", "sugary snack", "energy boost", "walk_break"},
        {"morning coffee", "ten minutes of reading", "calm start", "if_then_plan"},
        {"evening fatigue", "late-night series", "winding down", "cyclic_sighing"},
    };

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--check-empty")) {
            checkEmpty(args[1]);
            return;
        }
        String uri = args[0];
        int users = Integer.parseInt(args[1]);
        int sessionsPerUser = Integer.parseInt(args[2]);
        int habitsPerUser = Integer.parseInt(args[3]);
        Path accountsFile = Path.of(args[4]);
        Path poolFile = Path.of(args[5]);
        Random random = new Random(20261125L);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();

        List<String[]> accounts = new ArrayList<>();
        for (String line : Files.readAllLines(accountsFile)) {
            if (!line.isBlank()) {
                accounts.add(line.split("\t"));
            }
        }
        List<String[]> loggedIn = accounts.stream()
                .filter(account -> account[0].equals("user"))
                .toList();

        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase(database(uri));
            MongoCollection<Document> usersCollection = db.getCollection("users");
            MongoCollection<Document> sessions = db.getCollection("sessions");
            MongoCollection<Document> habits = db.getCollection("habits");
            MongoCollection<Document> models = db.getCollection("user_models");

            List<Document> templates = sessions.find().into(new ArrayList<>());
            if (templates.isEmpty()) {
                throw new IllegalStateException("no generated sessions to clone: start a few through the API first");
            }
            Document someAccount = usersCollection
                    .find(Filters.eq("_id", new ObjectId(loggedIn.get(0)[1])))
                    .first();
            String hash = someAccount.getString("hashed_password");

            List<String> userIds = new ArrayList<>();
            loggedIn.forEach(account -> userIds.add(account[1]));
            List<Document> bulkUsers = new ArrayList<>();
            for (int i = userIds.size(); i < users; i++) {
                ObjectId id = new ObjectId();
                userIds.add(id.toHexString());
                bulkUsers.add(new Document("_id", id)
                        .append("email", "bulk-%06d@bench.test".formatted(i))
                        .append("hashed_password", hash)
                        .append("chronotype", CHRONOTYPES[random.nextInt(CHRONOTYPES.length)])
                        .append("created_at", Date.from(now.minus(1 + random.nextInt(365 * 24), ChronoUnit.HOURS)))
                        .append("privacy_settings", new Document()));
            }
            insertAll(usersCollection, bulkUsers);

            List<Document> sessionBatch = new ArrayList<>();
            List<Document> habitBatch = new ArrayList<>();
            List<Document> modelBatch = new ArrayList<>();
            List<String> pool = new ArrayList<>();
            for (int u = 0; u < userIds.size(); u++) {
                String userId = userIds.get(u);
                List<String> sessionIds = new ArrayList<>();
                int rated = 0;
                for (int s = 0; s < sessionsPerUser; s++) {
                    Document template = templates.get(random.nextInt(templates.size()));
                    int duration = DURATIONS[random.nextInt(DURATIONS.length)];
                    Document content = new Document(template.get("generated_content", Document.class));
                    content.put("duration", duration);
                    ObjectId id = new ObjectId();
                    sessionIds.add(id.toHexString());
                    Document session = new Document("_id", id)
                            .append("user_id", userId)
                            .append("module_type", template.getString("module_type"))
                            .append("brainwave_target", template.getString("brainwave_target"))
                            .append("generated_content", content)
                            .append("user_rating", null)
                            .append("effectiveness_score", null)
                            .append("timestamp", Date.from(now.minus(1 + random.nextInt(180 * 24 * 60), ChronoUnit.MINUTES)))
                            .append("duration_seconds", duration)
                            .append("evidence_ids", template.get("evidence_ids"));
                    if (random.nextInt(10) < 6) {
                        rated++;
                        session.put("user_rating", 1 + random.nextInt(5));
                        session.put("effectiveness_score", Math.round(random.nextDouble() * 100) / 100.0);
                    }
                    sessionBatch.add(session);
                    if (sessionBatch.size() == 1000) {
                        insertAll(sessions, sessionBatch);
                        sessionBatch.clear();
                    }
                }
                List<String> habitIds = new ArrayList<>();
                for (int h = 0; h < habitsPerUser; h++) {
                    ObjectId id = new ObjectId();
                    habitIds.add(id.toHexString());
                    habitBatch.add(habit(id, userId, h, random, now));
                }
                if (u >= loggedIn.size() && u % 2 == 0 && rated > 0) {
                    byte[] weights = new byte[1337];
                    random.nextBytes(weights);
                    modelBatch.add(new Document("_id", new ObjectId())
                            .append("user_id", userId)
                            .append("model_weights", weights)
                            .append("last_updated", Date.from(now.minus(random.nextInt(30 * 24), ChronoUnit.HOURS)))
                            .append("training_steps", (long) rated)
                            .append("phase", rated >= 20 ? "adaptive" : "developmental"));
                }
                if (u < loggedIn.size() && !sessionIds.isEmpty() && !habitIds.isEmpty()) {
                    for (int p = 0; p < 40; p++) {
                        pool.add(String.join(
                                "\t",
                                userId,
                                loggedIn.get(u)[2],
                                sessionIds.get(random.nextInt(sessionIds.size())),
                                habitIds.get(random.nextInt(habitIds.size()))));
                    }
                }
            }
            insertAll(sessions, sessionBatch);
            insertAll(habits, habitBatch);
            insertAll(models, modelBatch);
            Collections.shuffle(pool, random);
            Files.write(poolFile, pool);
            System.out.printf(
                    "seeded %d users (%d registered through the API), %d sessions, %d habits, %d models in %.1f s%n",
                    usersCollection.countDocuments(),
                    accounts.size(),
                    sessions.countDocuments(),
                    habits.countDocuments(),
                    models.countDocuments(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** The URL's database, or the application's default when it names none. */
    private static String database(String uri) {
        String named = new ConnectionString(uri).getDatabase();
        return named == null ? "brain_buddy" : named;
    }

    private static void checkEmpty(String uri) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase(database(uri));
            for (String collection : List.of("users", "sessions", "habits", "user_models")) {
                if (db.getCollection(collection).estimatedDocumentCount() > 0) {
                    System.err.println("The database of MONGODB_URL already holds " + collection
                            + ": the benchmark needs an empty database of its own");
                    System.exit(1);
                }
            }
        }
    }

    private static Document habit(ObjectId id, String userId, int index, Random random, Instant now) {
        String[] loop = LOOPS[(index + random.nextInt(LOOPS.length)) % LOOPS.length];
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Document days = new Document();
        int attempts = 0;
        int successes = 0;
        int streak = 0;
        int best = 0;
        Instant last = null;
        for (int back = 29; back >= 0; back--) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            int dayAttempts = 1 + random.nextInt(3);
            int daySuccesses = 0;
            for (int a = 0; a < dayAttempts; a++) {
                if (random.nextInt(10) < 7) {
                    daySuccesses++;
                    best = Math.max(best, ++streak);
                } else {
                    streak = 0;
                }
            }
            days.append(
                    today.minusDays(back).toString(),
                    new Document("attempts", dayAttempts).append("successes", daySuccesses));
            attempts += dayAttempts;
            successes += daySuccesses;
            last = today.minusDays(back).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
        }
        return new Document("_id", id)
                .append("user_id", userId)
                .append("habit_type", index % 2 == 0 ? "negative_loop" : "positive_routine")
                .append("trigger", loop[0])
                .append("routine", loop[1])
                .append("reward", loop[2])
                .append("interrupt_protocol", new Document("technique", loop[3]).append("duration", 60))
                .append("success_count", successes)
                .append("attempt_count", attempts)
                .append("current_streak", streak)
                .append("best_streak", best)
                .append("last_attempt_at", last == null ? null : Date.from(last.isAfter(now) ? now : last))
                .append("days", days)
                .append("created_at", Date.from(now.minus(31 + random.nextInt(300), ChronoUnit.DAYS)));
    }

    private static void insertAll(MongoCollection<Document> collection, List<Document> documents) {
        if (!documents.isEmpty()) {
            collection.insertMany(documents);
        }
    }
}
