package app.brainbuddy;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the shape of every query the application's own code sends while the tests run: the
 * collection, the keys it filters on by equality (or {@code $in}), the keys it filters on by range,
 * and the keys it sorts by. Commands that test code sends itself (counting, seeding fixtures) are left
 * out: only commands with a frame of the application's main classes on the stack count.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryShapes implements CommandListener {

    /** One query's shape; {@link #example} keeps a command that had it, for explain on a real MongoDB. */
    public record Shape(String collection, Set<String> equality, Set<String> range, List<String> sort) {}

    private static final Set<Shape> SHAPES = ConcurrentHashMap.newKeySet();
    private static final ConcurrentHashMap<Shape, BsonDocument> EXAMPLES = new ConcurrentHashMap<>();

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    @Bean
    MongoClientSettingsBuilderCustomizer recordQueryShapes() {
        return builder -> builder.addCommandListener(this);
    }

    /** Every shape recorded so far in this test run, in all application contexts. */
    public static Set<Shape> all() {
        return Set.copyOf(SHAPES);
    }

    /** A command that had this shape. */
    public static BsonDocument example(Shape shape) {
        return EXAMPLES.get(shape);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!sentByTheApplication()) {
            return;
        }
        BsonDocument command = event.getCommand();
        List<Shape> shapes = switch (event.getCommandName()) {
            case "find" ->
                List.of(shape(
                        command.getString("find").getValue(),
                        filter(command, "filter"),
                        command.getDocument("sort", new BsonDocument())));
            case "count", "distinct" ->
                List.of(shape(
                        command.getString(event.getCommandName()).getValue(),
                        filter(command, "query"),
                        new BsonDocument()));
            case "findAndModify" ->
                List.of(shape(
                        command.getString("findAndModify").getValue(),
                        filter(command, "query"),
                        command.getDocument("sort", new BsonDocument())));
            case "update" -> statements(command, "update", "updates");
            case "delete" -> statements(command, "delete", "deletes");
            case "aggregate" -> pipeline(command.getString("aggregate").getValue(), command.getArray("pipeline"));
            default -> List.of();
        };
        for (Shape shape : shapes) {
            SHAPES.add(shape);
            EXAMPLES.putIfAbsent(shape, command.clone());
        }
    }

    private static boolean sentByTheApplication() {
        return STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .anyMatch(type -> type.getName().startsWith("app.brainbuddy.")
                        && type.getProtectionDomain().getCodeSource() != null
                        && !type.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .getPath()
                                .contains("test-classes")));
    }

    private static BsonDocument filter(BsonDocument command, String field) {
        return command.getDocument(field, new BsonDocument());
    }

    private static List<Shape> statements(BsonDocument command, String name, String list) {
        List<Shape> shapes = new ArrayList<>();
        for (BsonValue statement : command.getArray(list)) {
            shapes.add(shape(
                    command.getString(name).getValue(), statement.asDocument().getDocument("q"), new BsonDocument()));
        }
        return shapes;
    }

    /** The first {@code $match} and {@code $sort} of a pipeline, and those of its {@code $lookup} pipelines. */
    private static List<Shape> pipeline(String collection, BsonArray stages) {
        BsonDocument match = new BsonDocument();
        BsonDocument sort = new BsonDocument();
        List<Shape> shapes = new ArrayList<>();
        for (BsonValue value : stages) {
            BsonDocument stage = value.asDocument();
            if (stage.containsKey("$match") && sort.isEmpty()) {
                stage.getDocument("$match").forEach(match::append);
            } else if (stage.containsKey("$sort") && sort.isEmpty()) {
                sort = stage.getDocument("$sort");
            } else if (stage.containsKey("$lookup")
                    && stage.getDocument("$lookup").containsKey("pipeline")) {
                BsonDocument lookup = stage.getDocument("$lookup");
                shapes.addAll(pipeline(lookup.getString("from").getValue(), lookup.getArray("pipeline")));
            }
        }
        shapes.add(shape(collection, match, sort));
        return shapes;
    }

    private static Shape shape(String collection, BsonDocument filter, BsonDocument sort) {
        Set<String> equality = new LinkedHashSet<>();
        Set<String> range = new LinkedHashSet<>();
        keys(filter, equality, range);
        return new Shape(collection, Set.copyOf(equality), Set.copyOf(range), List.copyOf(sort.keySet()));
    }

    private static void keys(BsonDocument filter, Set<String> equality, Set<String> range) {
        filter.forEach((key, value) -> {
            switch (key) {
                case "$and" -> value.asArray().forEach(part -> keys(part.asDocument(), equality, range));
                case "$or", "$nor" -> value.asArray().forEach(part -> keys(part.asDocument(), range, range));
                case "$expr" -> expression(value.asDocument(), equality, range);
                default -> {
                    if (value.isDocument()
                            && value.asDocument().keySet().stream().anyMatch(k -> k.startsWith("$"))) {
                        BsonDocument operators = value.asDocument();
                        boolean pointLookup =
                                operators.keySet().stream().allMatch(k -> k.equals("$in") || k.equals("$eq"));
                        (pointLookup ? equality : range).add(key);
                    } else {
                        equality.add(key);
                    }
                }
            }
        });
    }

    /** {@code $expr: {$eq: ["$field", "$$variable"]}}, as a {@code $lookup} joins on, is an equality on the field. */
    private static void expression(BsonDocument expression, Set<String> equality, Set<String> range) {
        if (expression.containsKey("$eq") && expression.getArray("$eq").get(0).isString()) {
            String operand = expression.getArray("$eq").get(0).asString().getValue();
            if (operand.startsWith("$") && !operand.startsWith("$$")) {
                equality.add(operand.substring(1));
                return;
            }
        }
        range.add("$expr");
    }
}
