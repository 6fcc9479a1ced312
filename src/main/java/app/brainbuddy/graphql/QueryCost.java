package app.brainbuddy.graphql;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The cost model: a query's cost is an upper bound on the number of fields in its answer, a field
 * counted once per {@value #BYTES_PER_FIELD} bytes its value may take (so a stored JSON object of up
 * to 16 KB counts as {@code 16384 / 64} fields: the answer's bytes are bounded too, and thirty aliases
 * of large sessions are refused before anything is read). A field costs its own weight plus its
 * children's cost times the most items it can answer with: a connection
 * ({@code first}) its page, {@code 20} when left out, at most {@code 100} (its {@code edges} list is
 * that page, counted once); {@code history(days)} its days, {@code weekly(last)} its weeks; every other list the maximum declared
 * below, which the server enforces (habits per person, integrations per person, citations per entry,
 * one entry per enum value, the batch of {@code recordSessions}). Aliases multiply through because
 * each aliased field is counted. Introspection fields count as single fields: their answer is bounded
 * by the schema itself. {@code ListSizesTests} checks that every list field of the schema has a
 * maximum here, and {@code CostBoundTests} that no answer of the test suite is larger than its estimate.
 */
@Component
public class QueryCost {

    /** A list field's size: the value of {@code argument}, {@code whenLeftOut} by default, at most {@code max}. */
    record ListSize(@Nullable String argument, long whenLeftOut, long max) {

        static ListSize fixed(long max) {
            return new ListSize(null, max, max);
        }
    }

    /** What one counted field stands for: a field of up to this many bytes in the answer. */
    static final int BYTES_PER_FIELD = 64;

    private final Map<String, ListSize> lists;

    /** Fields whose value may be larger than {@link #BYTES_PER_FIELD}, and the fields each counts as. */
    private final Map<String, Long> weights = Map.of(
            "TrainingSession.generatedContent", weight(JsonLimits.LARGE_OBJECT),
            "BrainKnowledge.stimulusParameters", weight(JsonLimits.SMALL_OBJECT));

    public QueryCost(PersonLimits person) {
        this.lists = Map.ofEntries(
                Map.entry("User.habits", ListSize.fixed(person.habits())),
                Map.entry("User.integrations", ListSize.fixed(MAX_INTEGRATIONS)),
                Map.entry("Habit.history", new ListSize("days", 30, 366)),
                Map.entry("BrainKnowledge.citations", ListSize.fixed(MAX_CITATIONS)),
                Map.entry("TrainingSession.evidence", ListSize.fixed(MAX_EVIDENCE)),
                Map.entry("SessionRecommendation.evidence", ListSize.fixed(MAX_EVIDENCE)),
                Map.entry("UserStats.byModule", ListSize.fixed(MODULE_TYPES)),
                Map.entry("UserStats.byTarget", ListSize.fixed(BRAINWAVE_TARGETS)),
                Map.entry("UserStats.weekly", new ListSize("last", DEFAULT_WEEKS, MAX_WEEKS)),
                Map.entry("Integration.scopes", ListSize.fixed(SCOPES)),
                Map.entry("BrainwaveSessionContent.tonesHz", ListSize.fixed(TONES)),
                Map.entry("BrainwaveSessionContent.safetyNotes", ListSize.fixed(SAFETY_NOTES)),
                Map.entry("RoutineSessionContent.blocks", ListSize.fixed(MAX_ROUTINE_BLOCKS)),
                Map.entry("RoutineBlock.steps", ListSize.fixed(MAX_ROUTINE_STEPS)),
                Map.entry("Mutation.recordSessions", new ListSize("input", MAX_BATCH, MAX_BATCH)),
                Map.entry("Mutation.recordHabitAttempts", new ListSize("input", MAX_BATCH, MAX_BATCH)));
    }

    /** Integrations one account may authorise (enforced by the user feature). */
    public static final int MAX_INTEGRATIONS = 20;
    /** Citations of one knowledge entry (enforced when entries are written). */
    public static final int MAX_CITATIONS = 20;
    /** Knowledge entries shown behind a session or a recommendation, strongest first. */
    public static final int MAX_EVIDENCE = 20;
    /** Blocks of one routine session's content, generated or stored (enforced by the session feature). */
    public static final int MAX_ROUTINE_BLOCKS = 64;
    /** Steps of one routine block, generated or stored (enforced by the session feature). */
    public static final int MAX_ROUTINE_STEPS = 10;
    /** Items one {@code recordSessions} or {@code recordHabitAttempts} call may carry. */
    public static final int MAX_BATCH = 500;

    private static final int MODULE_TYPES = 4;
    private static final int BRAINWAVE_TARGETS = 5;
    private static final int SCOPES = 5;
    /** A beat's tones: the carrier, and the carrier plus the beat. */
    private static final int TONES = 2;

    private static final int SAFETY_NOTES = 4;
    /** The weeks of session statistics {@code weekly(last:)} answers at most (enforced by the session feature). */
    public static final int MAX_WEEKS = 520;

    /** ... and when left out or null. */
    public static final int DEFAULT_WEEKS = 104;

    private static long weight(JsonLimits stored) {
        return stored.maxBytes() / BYTES_PER_FIELD;
    }

    /** The fields this field counts as by itself, its children aside: 1 unless its value may be large. */
    long weight(String parentType, GraphQLFieldDefinition definition) {
        return weights.getOrDefault(parentType + "." + definition.getName(), 1L);
    }

    /** Whether this list field's size is declared (connections' {@code edges} are their page). */
    boolean declares(String parentType, GraphQLFieldDefinition definition) {
        return definition.getName().equals("edges")
                || definition.getArgument("first") != null
                || lists.containsKey(parentType + "." + definition.getName());
    }

    /** The most items this field of this type answers with; 1 for a field that is no list. */
    long items(String parentType, GraphQLFieldDefinition definition, Field field, Map<String, Object> variables) {
        if (definition.getArgument("first") != null) {
            return size(new ListSize("first", Page.DEFAULT_FIRST, Page.MAX_FIRST), field, variables);
        }
        if (!(GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLList)
                || definition.getName().equals("edges")) {
            return 1;
        }
        ListSize declared = lists.get(parentType + "." + definition.getName());
        return declared == null ? Page.MAX_FIRST : size(declared, field, variables);
    }

    private static long size(ListSize declared, Field field, Map<String, Object> variables) {
        if (declared.argument() == null) {
            return declared.max();
        }
        Argument argument = field.getArguments().stream()
                .filter(candidate -> candidate.getName().equals(declared.argument()))
                .findFirst()
                .orElse(null);
        long given = argument == null ? declared.whenLeftOut() : value(argument.getValue(), variables, declared);
        // out-of-range sizes are refused by the field itself; the estimate stays within the range
        return Math.max(1, Math.min(given, declared.max()));
    }

    private static long value(Value<?> value, Map<String, Object> variables, ListSize declared) {
        if (value instanceof IntValue number) {
            return number.getValue()
                    .min(java.math.BigInteger.valueOf(declared.max()))
                    .longValue();
        }
        if (value instanceof ArrayValue array) {
            return array.getValues().size();
        }
        if (value instanceof VariableReference reference) {
            Object given = variables.get(reference.getName());
            if (given instanceof Number number) {
                return number.longValue();
            }
            if (given instanceof Collection<?> items) {
                return items.size();
            }
            return given == null && !variables.containsKey(reference.getName())
                    ? declared.whenLeftOut()
                    : declared.max();
        }
        return declared.max();
    }
}
