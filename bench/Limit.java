import app.brainbuddy.mongo.LookupPages;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limit beside the GraphQL figures: the same answers read with the plain MongoDB driver and
 * written with Jackson, served by the JDK's HTTP server on virtual threads, with no GraphQL, no
 * Spring and no JWT verification. Each endpoint answers what one benchmark query asks, in the
 * same JSON shape, with one command per level like the application: the caller's account, the
 * page of parents, then one command per nested field. Reads project only the fields the answer
 * needs. Counted commands are served at /stats.
 *
 * <p>Pages of sessions for many users are read in the application's two forms, chosen by the same
 * rule: the $lookup aggregation where the server uses indexes inside its pipelines (MongoDB 5.0+,
 * wire version 13), else one find of all the parents' sessions with $in, cut into pages here (the
 * embedded server scans the collection once per $lookup parent).
 *
 * <p>Arguments: mongoUri port.
 */
public class Limit {

    private static final Set<String> HOUSEKEEPING =
            Set.of("hello", "isMaster", "ismaster", "buildInfo", "ping", "endSessions");
    private static final int MAX_FIRST = 100;

    /** The server's own $lookup pipeline (app.brainbuddy.mongo.LookupPages), with the stored names of sessions. */
    private static final LookupPages SESSION_PAGES = new LookupPages("sessions", "user_id", "timestamp");

    private final JsonMapper json = JsonMapper.builder().build();
    private final LongAdder commands = new LongAdder();
    private final LongAdder commandNanos = new LongAdder();
    private final boolean lookupPages;
    private final MongoCollection<Document> users;
    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> habits;
    private final MongoCollection<Document> models;
    private final MongoCollection<Document> knowledge;

    Limit(String uri) {
        ConnectionString connection = new ConnectionString(uri);
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(connection)
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (!HOUSEKEEPING.contains(event.getCommandName())) {
                            commands.increment();
                        }
                    }

                    @Override
                    public void commandSucceeded(CommandSucceededEvent event) {
                        if (!HOUSEKEEPING.contains(event.getCommandName())) {
                            commandNanos.add(event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
                        }
                    }
                })
                .build());
        MongoDatabase db =
                client.getDatabase(connection.getDatabase() == null ? "brain_buddy" : connection.getDatabase());
        this.users = db.getCollection("users");
        this.sessions = db.getCollection("sessions");
        this.habits = db.getCollection("habits");
        this.models = db.getCollection("user_models");
        this.knowledge = db.getCollection("brain_knowledge");
        db.runCommand(new Document("ping", 1));
        this.lookupPages = client.getClusterDescription().getServerDescriptions().stream()
                        .mapToInt(server -> server.getMaxWireVersion())
                        .min()
                        .orElse(0)
                >= 13;
    }

    public static void main(String[] args) throws IOException {
        // without it the JDK's server leaves the body to Nagle's algorithm, 40 ms behind the headers
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Limit limit = new Limit(args[0]);
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/me", limit.handler(limit::me));
        server.createContext("/users", limit.handler(limit::users));
        server.createContext("/rate", limit.handler(limit::rate));
        server.createContext("/attempt", limit.handler(limit::attempt));
        server.createContext("/knowledge", limit.handler(limit::knowledge));
        server.createContext("/stats", limit.handler(exchange -> Map.of(
                "commands", limit.commands.sum(), "commandSeconds", limit.commandNanos.sum() / 1e9)));
        server.start();
        System.out.println("limit listening on " + server.getAddress().getPort() + " with session pages by "
                + (limit.lookupPages ? "$lookup" : "find $in"));
    }

    interface Endpoint {
        Object answer(HttpExchange exchange) throws IOException;
    }

    private HttpHandler handler(Endpoint endpoint) {
        return exchange -> {
            byte[] body;
            int status = 200;
            try {
                body = json.writeValueAsBytes(endpoint.answer(exchange));
            } catch (RuntimeException e) {
                status = 500;
                body = json.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", String.valueOf(e)))));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** The caller's account, read on every request as the application does for a token's subject. */
    private Document caller(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String id = authorization.substring("Bearer ".length());
        Document user = users.find(Filters.eq("_id", new ObjectId(id))).first();
        if (user == null) {
            throw new IllegalStateException("no account " + id);
        }
        return user;
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        return json.readTree(exchange.getRequestBody().readAllBytes());
    }

    // me { id email sessions(first: 10) { edges { node { ...with generatedContent } cursor } pageInfo } }
    private Object me(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Document user = caller(exchange);
        String id = user.getObjectId("_id").toHexString();
        Map<String, List<Document>> pages = sessionPages(List.of(id), 10, true);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", id);
        me.put("email", user.getString("email"));
        me.put("sessions", connection(pages.getOrDefault(id, List.of()), 10, true));
        return Map.of("data", Map.of("me", me));
    }

    // users(first) { edges { node { id email chronotype createdAt sessions(first: 5) habits model stats } } }
    private Object users(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        caller(exchange);
        int first = Integer.parseInt(query(exchange).getOrDefault("first", "20"));
        List<Document> page = new ArrayList<>();
        Document after = null;
        boolean hasNextPage = false;
        // the API caps first at 100: more parents are read in pages of 100, as a client would
        for (int left = first; left > 0; ) {
            int size = Math.min(left, MAX_FIRST);
            Bson filter = after == null
                    ? new Document()
                    : Filters.or(
                            Filters.lt("created_at", after.getDate("created_at")),
                            Filters.and(
                                    Filters.eq("created_at", after.getDate("created_at")),
                                    Filters.lt("_id", after.getObjectId("_id"))));
            List<Document> fetched = users.find(filter)
                    .projection(Projections.include("email", "chronotype", "created_at"))
                    .sort(Sorts.descending("created_at", "_id"))
                    .limit(size + 1)
                    .into(new ArrayList<>());
            hasNextPage = fetched.size() > size;
            List<Document> kept = fetched.subList(0, Math.min(size, fetched.size()));
            page.addAll(kept);
            left -= size;
            if (!hasNextPage || kept.isEmpty()) {
                break;
            }
            after = kept.get(kept.size() - 1);
        }
        List<String> ids =
                page.stream().map(user -> user.getObjectId("_id").toHexString()).toList();
        Map<String, List<Document>> pages = sessionPages(ids, 5, false);
        Map<String, List<Document>> habitsByUser = new HashMap<>();
        habits.find(Filters.in("user_id", ids))
                .projection(Projections.include(
                        "user_id",
                        "habit_type",
                        "trigger",
                        "success_count",
                        "attempt_count",
                        "current_streak",
                        "best_streak",
                        "days",
                        "created_at"))
                .sort(Sorts.ascending("created_at", "_id"))
                .forEach(habit -> habitsByUser
                        .computeIfAbsent(habit.getString("user_id"), user -> new ArrayList<>())
                        .add(habit));
        Map<String, Document> modelByUser = new HashMap<>();
        models.find(Filters.in("user_id", ids))
                .projection(Projections.include("user_id", "phase", "training_steps", "last_updated"))
                .forEach(model -> modelByUser.put(model.getString("user_id"), model));
        Map<String, Map<String, Object>> stats = stats(ids);

        List<Object> edges = new ArrayList<>(page.size());
        for (Document user : page) {
            String id = user.getObjectId("_id").toHexString();
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", id);
            node.put("email", user.getString("email"));
            node.put("chronotype", upper(user.getString("chronotype")));
            node.put("createdAt", iso(user.getDate("created_at")));
            node.put("sessions", connection(pages.getOrDefault(id, List.of()), 5, false));
            List<Document> own = habitsByUser.getOrDefault(id, List.of());
            node.put("habits", own.stream().map(Limit::habit).toList());
            Document model = modelByUser.get(id);
            node.put("model", model == null ? null : model(model));
            Map<String, Object> userStats = new LinkedHashMap<>(stats.getOrDefault(id, emptyStats()));
            userStats.put("habits", habitTotals(own));
            node.put("stats", userStats);
            edges.add(Map.of("node", node));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", hasNextPage);
        pageInfo.put(
                "endCursor",
                page.isEmpty()
                        ? null
                        : cursor(
                                "users",
                                page.getLast().getDate("created_at"),
                                page.getLast().getObjectId("_id")));
        return Map.of("data", Map.of("users", Map.of("edges", edges, "pageInfo", pageInfo)));
    }

    /**
     * For each user, the newest sessions, at most one more than the page; one command for all users.
     * The server's projection: the evidence ids are never answered here, the content only when asked.
     */
    private Map<String, List<Document>> sessionPages(List<String> userIds, int first, boolean withContent) {
        Document projection = new Document("evidence_ids", 0);
        if (!withContent) {
            projection.append("generated_content", 0);
        }
        Map<String, List<Document>> pages = new HashMap<>();
        if (lookupPages) {
            List<Document> pipeline = SESSION_PAGES.pipeline(
                    userIds.stream().map(ObjectId::new).toList(), new Document(), first + 1, projection);
            for (Document user : users.aggregate(pipeline)) {
                pages.put(user.getObjectId("_id").toHexString(), user.getList(LookupPages.PAGE, Document.class));
            }
        } else {
            // undecoded: only each page's sessions are decoded, as the server does
            MongoCollection<RawBsonDocument> raw = sessions.withDocumentClass(RawBsonDocument.class);
            Codec<Document> documents = raw.getCodecRegistry().get(Document.class);
            raw.find(Filters.in("user_id", userIds))
                    .projection(projection)
                    .sort(Sorts.orderBy(Sorts.ascending("user_id"), Sorts.descending("timestamp", "_id")))
                    .forEach(session -> {
                        List<Document> page = pages.computeIfAbsent(
                                session.getString("user_id").getValue(), user -> new ArrayList<>());
                        if (page.size() <= first) {
                            page.add(session.decode(documents));
                        }
                    });
        }
        return pages;
    }

    private static Map<String, Object> connection(List<Document> fetched, int first, boolean withContent) {
        List<Object> edges = new ArrayList<>();
        for (Document session : fetched.subList(0, Math.min(first, fetched.size()))) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", session.getObjectId("_id").toHexString());
            node.put("moduleType", upper(session.getString("module_type")));
            node.put("brainwaveTarget", upper(session.getString("brainwave_target")));
            node.put("userRating", session.get("user_rating"));
            node.put("effectivenessScore", session.get("effectiveness_score"));
            node.put("timestamp", iso(session.getDate("timestamp")));
            node.put("durationSeconds", session.get("duration_seconds"));
            if (withContent) {
                node.put("generatedContent", session.get("generated_content"));
                edges.add(Map.of(
                        "node",
                        node,
                        "cursor",
                        cursor("sessions", session.getDate("timestamp"), session.getObjectId("_id"))));
            } else {
                edges.add(Map.of("node", node));
            }
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", fetched.size() > first);
        Document last = fetched.isEmpty() ? null : fetched.get(Math.min(first, fetched.size()) - 1);
        pageInfo.put(
                "endCursor", last == null ? null : cursor("sessions", last.getDate("timestamp"), last.getObjectId("_id")));
        return Map.of("edges", edges, "pageInfo", pageInfo);
    }

    private static Map<String, Object> habit(Document habit) {
        int attempts = habit.getInteger("attempt_count", 0);
        int successes = habit.getInteger("success_count", 0);
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", habit.getObjectId("_id").toHexString());
        node.put("habitType", upper(habit.getString("habit_type")));
        node.put("trigger", habit.getString("trigger"));
        node.put("successCount", successes);
        node.put("attemptCount", attempts);
        node.put("successRate", attempts == 0 ? null : (double) successes / attempts);
        node.put("currentStreak", habit.getInteger("current_streak", 0));
        node.put("bestStreak", habit.getInteger("best_streak", 0));
        return node;
    }

    private static Map<String, Object> model(Document model) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("phase", upper(model.getString("phase")));
        node.put("trainingSteps", ((Number) model.get("training_steps")).longValue());
        node.put("lastUpdated", iso(model.getDate("last_updated")));
        return node;
    }

    /** The habit part of the stats, from the habits already read; the whole history. */
    private static Map<String, Object> habitTotals(List<Document> habits) {
        int attempts = 0;
        int successes = 0;
        int best = 0;
        for (Document habit : habits) {
            Document days = habit.get("days", Document.class);
            if (days != null) {
                for (Object day : days.values()) {
                    attempts += ((Document) day).getInteger("attempts", 0);
                    successes += ((Document) day).getInteger("successes", 0);
                }
            }
            best = Math.max(best, habit.getInteger("best_streak", 0));
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("habitCount", habits.size());
        totals.put("attempts", attempts);
        totals.put("successes", successes);
        return totals;
    }

    /** The application's statistics aggregation: one command for all users, grouped three ways. */
    private Map<String, Map<String, Object>> stats(List<String> userIds) {
        List<Document> pipeline = List.of(
                new Document("$match", new Document("user_id", new Document("$in", userIds))),
                new Document(
                        "$facet",
                        new Document("byModule", List.of(group("$module_type")))
                                .append(
                                        "byTarget",
                                        List.of(
                                                new Document(
                                                        "$match",
                                                        new Document("brainwave_target", new Document("$ne", null))),
                                                group("$brainwave_target")))
                                .append(
                                        "byDay",
                                        List.of(group(new Document(
                                                "$dateToString",
                                                new Document("format", "%Y-%m-%d").append("date", "$timestamp")))))));
        Document facets = sessions.aggregate(pipeline).first();
        Map<String, Map<String, Object>> stats = new HashMap<>();
        for (String facet : List.of("byModule", "byTarget")) {
            String key = facet.equals("byModule") ? "moduleType" : "brainwaveTarget";
            Map<String, List<Map<String, Object>>> groups = new HashMap<>();
            for (Document group : facets.getList(facet, Document.class)) {
                Document id = group.get("_id", Document.class);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put(key, upper(id.getString("key")));
                entry.put("count", ((Number) group.get("count")).intValue());
                if (facet.equals("byModule")) {
                    entry.put("totalSeconds", ((Number) group.get("seconds")).longValue());
                    int rated = ((Number) group.get("rated")).intValue();
                    entry.put(
                            "averageRating",
                            rated == 0 ? null : ((Number) group.get("ratingSum")).doubleValue() / rated);
                }
                groups.computeIfAbsent(id.getString("user"), user -> new ArrayList<>())
                        .add(entry);
            }
            groups.forEach((user, list) -> {
                list.sort(Comparator.comparing(entry -> -((Integer) entry.get("count"))));
                stats.computeIfAbsent(user, u -> new LinkedHashMap<>(emptyStats()))
                        .put(facet, list);
            });
        }
        Map<String, Map<String, Integer>> weeks = new HashMap<>();
        Map<String, String> weekOfDay = new HashMap<>();
        for (Document group : facets.getList("byDay", Document.class)) {
            Document id = group.get("_id", Document.class);
            String week = weekOfDay.computeIfAbsent(id.getString("key"), key -> {
                LocalDate day = LocalDate.parse(key);
                int number = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                return day.get(IsoFields.WEEK_BASED_YEAR) + (number < 10 ? "-W0" : "-W") + number;
            });
            weeks.computeIfAbsent(id.getString("user"), user -> new TreeMap<>())
                    .merge(week, ((Number) group.get("count")).intValue(), Integer::sum);
        }
        weeks.forEach((user, byWeek) -> stats.computeIfAbsent(user, u -> new LinkedHashMap<>(emptyStats()))
                .put(
                        "weekly",
                        byWeek.entrySet().stream()
                                .map(entry -> Map.of("week", entry.getKey(), "count", entry.getValue()))
                                .toList()));
        return stats;
    }

    private static Map<String, Object> emptyStats() {
        return Map.of("byModule", List.of(), "byTarget", List.of(), "weekly", List.of());
    }

    private static Document group(Object key) {
        return new Document(
                "$group",
                new Document("_id", new Document("user", "$user_id").append("key", key))
                        .append("count", new Document("$sum", 1))
                        .append("seconds", new Document("$sum", "$duration_seconds"))
                        .append("rated", new Document("$sum", oneIfPresent("$user_rating")))
                        .append("ratingSum", new Document("$sum", new Document("$ifNull", List.of("$user_rating", 0))))
                        .append("scored", new Document("$sum", oneIfPresent("$effectiveness_score")))
                        .append(
                                "scoreSum",
                                new Document("$sum", new Document("$ifNull", List.of("$effectiveness_score", 0)))));
    }

    private static Document oneIfPresent(String field) {
        Document valueOrNull = new Document("$ifNull", Arrays.asList(field, null));
        return new Document("$cond", List.of(new Document("$eq", Arrays.asList(valueOrNull, null)), 0, 1));
    }

    // rateSession(input: {sessionId, rating, effectivenessScore}) { id userRating effectivenessScore }
    private Object rate(HttpExchange exchange) throws IOException {
        JsonNode input = body(exchange);
        String userId = caller(exchange).getObjectId("_id").toHexString();
        Document rated = sessions.findOneAndUpdate(
                Filters.and(
                        Filters.eq("_id", new ObjectId(input.get("sessionId").asString())),
                        Filters.eq("user_id", userId)),
                Updates.combine(
                        Updates.set("user_rating", input.get("rating").asInt()),
                        Updates.set("effectiveness_score", input.get("effectivenessScore").asDouble())),
                new FindOneAndUpdateOptions()
                        .returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include("user_rating", "effectiveness_score")));
        // the application trains the personal model on each rating: it reads the model and writes it
        // back at the step count it read; here the same two commands, without the learning and the AEAD
        Document model = models.find(Filters.eq("user_id", userId))
                .projection(Projections.include("training_steps"))
                .first();
        if (model != null) {
            models.updateOne(
                    Filters.and(
                            Filters.eq("user_id", userId), Filters.eq("training_steps", model.get("training_steps"))),
                    Updates.combine(
                            Updates.set("last_updated", Date.from(Instant.now().truncatedTo(ChronoUnit.MILLIS))),
                            Updates.inc("training_steps", 1)));
        }
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", rated.getObjectId("_id").toHexString());
        node.put("userRating", rated.get("user_rating"));
        node.put("effectivenessScore", rated.get("effectiveness_score"));
        return Map.of("data", Map.of("rateSession", node));
    }

    // recordHabitAttempt(input: {habitId, success}) { id attemptCount successCount successRate currentStreak bestStreak lastAttemptAt }
    private Object attempt(HttpExchange exchange) throws IOException {
        JsonNode input = body(exchange);
        String userId = caller(exchange).getObjectId("_id").toHexString();
        boolean success = input.get("success").asBoolean();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String day = "days." + LocalDate.ofInstant(now, ZoneOffset.UTC);
        Document owned = new Document("_id", new ObjectId(input.get("habitId").asString())).append("user_id", userId);
        List<Bson> changes = new ArrayList<>(List.of(
                Updates.inc("attempt_count", 1),
                Updates.inc("success_count", success ? 1 : 0),
                Updates.inc(day + ".attempts", 1),
                Updates.inc(day + ".successes", success ? 1 : 0),
                Updates.max("last_attempt_at", Date.from(now))));
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions()
                .returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include(
                        "attempt_count", "success_count", "current_streak", "best_streak", "last_attempt_at"));
        Document habit = null;
        if (success) {
            // as the application: the database decides in the same step whether the streak reaches a
            // new best; when a concurrent attempt changed the streak between the two tries, try again
            changes.add(Updates.inc("current_streak", 1));
            List<Bson> atBest = new ArrayList<>(changes);
            atBest.add(Updates.inc("best_streak", 1));
            for (int round = 0; habit == null && round < 100; round++) {
                habit = habits.findOneAndUpdate(streakIs("$gte", owned), Updates.combine(atBest), after);
                if (habit == null) {
                    habit = habits.findOneAndUpdate(streakIs("$lt", owned), Updates.combine(changes), after);
                }
            }
        } else {
            changes.add(Updates.set("current_streak", 0));
            changes.add(Updates.max("best_streak", 0));
            habit = habits.findOneAndUpdate(owned, Updates.combine(changes), after);
        }
        Map<String, Object> node = habit(habit);
        node.remove("habitType");
        node.remove("trigger");
        node.put("lastAttemptAt", iso(habit.getDate("last_attempt_at")));
        return Map.of("data", Map.of("recordHabitAttempt", node));
    }

    private static Document streakIs(String comparison, Document owned) {
        return new Document(owned)
                .append(
                        "$expr",
                        new Document(
                                comparison,
                                List.of(
                                        new Document("$ifNull", List.of("$current_streak", 0)),
                                        new Document("$ifNull", List.of("$best_streak", 0)))));
    }

    // knowledge(first: 20) { edges { node { id stimulusType stimulusParameters outcome evidenceStrength citations createdAt } cursor } pageInfo }
    private Object knowledge(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        int first = 20;
        List<Document> fetched = knowledge
                .find()
                .projection(Projections.exclude("evidence_note"))
                .sort(Sorts.descending("evidence_strength", "_id"))
                .limit(first + 1)
                .into(new ArrayList<>());
        List<Object> edges = new ArrayList<>();
        String endCursor = null;
        for (Document entry : fetched.subList(0, Math.min(first, fetched.size()))) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", entry.getObjectId("_id").toHexString());
            node.put("stimulusType", entry.getString("stimulus_type"));
            node.put("stimulusParameters", entry.get("stimulus_parameters"));
            node.put("outcome", entry.getString("outcome"));
            node.put("evidenceStrength", entry.get("evidence_strength"));
            node.put("citations", entry.get("citations"));
            node.put("createdAt", iso(entry.getDate("created_at")));
            endCursor = encode("knowledge|" + entry.get("evidence_strength") + "|"
                    + entry.getObjectId("_id").toHexString());
            edges.add(Map.of("node", node, "cursor", endCursor));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", fetched.size() > first);
        pageInfo.put("endCursor", endCursor);
        return Map.of("data", Map.of("knowledge", Map.of("edges", edges, "pageInfo", pageInfo)));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return parameters;
    }

    private static String upper(String stored) {
        return stored == null ? null : stored.toUpperCase(Locale.ROOT);
    }

    private static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }

    private static String cursor(String connection, Date sortValue, ObjectId id) {
        return encode(connection + "|" + sortValue.getTime() + "|" + id.toHexString());
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
