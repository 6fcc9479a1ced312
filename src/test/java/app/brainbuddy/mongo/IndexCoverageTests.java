package app.brainbuddy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.QueryShapes;
import app.brainbuddy.QueryShapes.Shape;
import app.brainbuddy.RealMongoDb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every query shape the application sent during the whole test run (this class runs last) is served
 * by a declared index: its equality keys may filter on a prefix of the index, and its sort keys follow
 * that prefix, so the database neither scans the collection nor sorts in memory. The embedded server
 * ignores secondary indexes, so this is checked against the declared ones; on a real MongoDB the
 * twin class also asks {@code explain} and finds no collection scan. Queries on per-user collections
 * carry {@code user_id} or {@code _id}, so a cluster sharded by {@code user_id} never fans out.
 */
@Order(Integer.MAX_VALUE)
class IndexCoverageTests extends GraphQlIntegrationTest {

    private static final Set<String> PER_USER = Set.of("sessions", "habits", "user_models");

    @Test
    void everyQueryShapeIsServedByAnIndexAndFindsItsUser() {
        exerciseEveryRead();
        Set<Shape> shapes = QueryShapes.all();
        Map<String, List<List<String>>> indexes = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Shape shape : shapes) {
            if (shape.equality().isEmpty()
                    && shape.range().isEmpty()
                    && shape.sort().isEmpty()) {
                // a whole-collection pass by design: dump, restore's checks, re-encryption, the seed check
                continue;
            }
            List<List<String>> declared = indexes.computeIfAbsent(shape.collection(), this::indexKeys);
            if (!served(shape, declared)) {
                problems.add("no index serves " + shape + " (indexes " + declared + ")");
            }
            if (PER_USER.contains(shape.collection())
                    && !shape.equality().contains("user_id")
                    && !shape.equality().contains("_id")) {
                problems.add("not scoped to a user: " + shape);
            }
            if (this instanceof RealMongoDb && usesCollectionScan(QueryShapes.example(shape))) {
                problems.add("explain shows a collection scan for " + shape);
            }
        }
        System.out.printf("Index coverage: %d query shapes over %s%n", shapes.size(), indexes.keySet());
        assertThat(shapes).hasSizeGreaterThan(15);
        assertThat(problems).isEmpty();
    }

    /**
     * An index serves a shape if a prefix of it is among the equality keys and the sort keys (or, with
     * no sort, a range key) come next.
     */
    static boolean served(Shape shape, List<List<String>> indexes) {
        if (shape.equality().contains("_id")) {
            return true;
        }
        List<String> sort = new ArrayList<>(shape.sort());
        if (!sort.isEmpty() && sort.get(sort.size() - 1).equals("_id")) {
            sort.remove(sort.size() - 1); // the tie-breaker of keyset paging
        }
        if (sort.isEmpty() && shape.sort().equals(List.of("_id"))) {
            return true;
        }
        for (List<String> index : indexes) {
            for (int prefix = 0; prefix <= index.size(); prefix++) {
                boolean equalityPrefix = shape.equality().containsAll(index.subList(0, prefix));
                boolean sortFollows = index.size() >= prefix + sort.size()
                        && index.subList(prefix, prefix + sort.size()).equals(sort);
                // a range on the key right after the equality prefix walks the index too
                boolean rangeFollows =
                        sort.isEmpty() && index.size() > prefix && shape.range().contains(index.get(prefix));
                if (equalityPrefix && ((sortFollows && prefix + sort.size() > 0) || rangeFollows)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<List<String>> indexKeys(String collection) {
        List<List<String>> keys = new ArrayList<>();
        for (Document index : mongo.getCollection(collection).listIndexes()) {
            keys.add(List.copyOf(index.get("key", Document.class).keySet()));
        }
        return keys;
    }

    private boolean usesCollectionScan(BsonDocument command) {
        BsonDocument explainable = command.clone();
        List.of("$db", "lsid", "$clusterTime", "$readPreference", "txnNumber", "apiVersion", "cursor")
                .forEach(explainable::remove);
        if (explainable.containsKey("aggregate")) {
            explainable.put("cursor", new BsonDocument());
        }
        Document plan =
                mongo.getDb().runCommand(new Document("explain", explainable).append("verbosity", "queryPlanner"));
        return plan.toJson().contains("COLLSCAN");
    }

    /** Reads of every kind, so this class alone also sees every query shape. */
    private void exerciseEveryRead() {
        SignedIn user = signUp();
        user.graphQl()
                .documentName("recordSessions")
                .variable(
                        "input",
                        List.of(Map.of(
                                "moduleType",
                                "BRAINWAVE",
                                "brainwaveTarget",
                                "ALPHA",
                                "durationSeconds",
                                600,
                                "timestamp",
                                "2026-11-02T10:00:00Z",
                                "userRating",
                                4,
                                "effectivenessScore",
                                0.5)))
                .execute()
                .path("recordSessions[0].id")
                .hasValue();
        for (Map<String, Object> filter : List.of(
                Map.<String, Object>of(),
                Map.<String, Object>of("moduleType", "BRAINWAVE"),
                Map.<String, Object>of("brainwaveTarget", "ALPHA", "rated", true),
                Map.<String, Object>of("from", "2026-01-01T00:00:00Z", "to", "2026-12-01T00:00:00Z"))) {
            user.graphQl()
                    .documentName("mySessions")
                    .variable("filter", filter)
                    .variable("first", 5)
                    .execute()
                    .path("me.sessions.edges")
                    .hasValue();
        }
        user.graphQl().documentName("meNested").execute().path("me.id").hasValue();
        user.graphQl().documentName("sessionStats").execute().path("me.stats").hasValue();
        user.graphQl().documentName("habitStats").execute().path("me.stats").hasValue();
        user.graphQl()
                .documentName("recommendSession")
                .execute()
                .path("recommendSession.reason")
                .hasValue();
        user.graphQl()
                .document(
                        "{ knowledge(filter: {stimulusType: \"binaural_beats\", minEvidence: 0.2}, first: 3) { edges { cursor } } }")
                .execute()
                .path("knowledge.edges")
                .hasValue();
        admin().graphQl()
                .documentName("usersNested")
                .variable("first", 20)
                .execute()
                .path("users.edges")
                .hasValue();
    }
}
