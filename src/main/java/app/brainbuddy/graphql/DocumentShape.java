package app.brainbuddy.graphql;

import graphql.execution.AbortExecutionException;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the per-document limits look at, measured in one pass over the document as parsed,
 * before graphql-java validates it: how many fields it has once its fragments are expanded, its
 * aliases (counted where fragments expand), its depth, its root fields and its cost (an upper bound
 * on the fields of the answer, see {@link QueryCost}). Each fragment is measured once and its figures
 * reused wherever it is spread, so the time is linear in the document's length even when its
 * expansion is exponential (a fragment spreading the one before it twice, thirty times over, expands
 * to 2³⁰ fields); a fragment that spreads itself is refused. Figures saturate at {@link Long#MAX_VALUE}.
 */
final class DocumentShape {

    /** The figures of one selection set, or of the whole document. */
    record Figures(long fields, long aliases, int depth, long rootFields, long cost) {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0);

        /** Both selection sets side by side. */
        Figures plus(Figures other) {
            return new Figures(
                    add(fields, other.fields),
                    add(aliases, other.aliases),
                    Math.max(depth, other.depth),
                    add(rootFields, other.rootFields),
                    add(cost, other.cost));
        }
    }

    private final GraphQLSchema schema;
    private final QueryCost cost;
    private final Map<String, Object> variables;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Figures> measured = new HashMap<>();
    private final Set<String> measuring = new HashSet<>();

    private DocumentShape(GraphQLSchema schema, QueryCost cost, Map<String, Object> variables) {
        this.schema = schema;
        this.cost = cost;
        this.variables = variables;
    }

    /**
     * The figures of the document's operations together; {@code fields} also counts the expansion of
     * every fragment definition, used or not, since validation walks those too.
     *
     * @throws AbortExecutionException when a fragment spreads itself, directly or through others
     */
    static Figures measure(Document document, GraphQLSchema schema, QueryCost cost, Map<String, Object> variables) {
        DocumentShape shape = new DocumentShape(schema, cost, variables);
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                shape.fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }
        Figures total = Figures.NONE;
        long fragmentFields = 0;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                GraphQLType root = switch (operation.getOperation()) {
                    case MUTATION -> schema.getMutationType();
                    case SUBSCRIPTION -> schema.getSubscriptionType();
                    default -> schema.getQueryType();
                };
                total = total.plus(shape.selections(operation.getSelectionSet(), root));
            } else if (definition instanceof FragmentDefinition fragment) {
                fragmentFields =
                        add(fragmentFields, shape.fragment(fragment.getName()).fields());
            }
        }
        return new Figures(
                add(total.fields(), fragmentFields), total.aliases(), total.depth(), total.rootFields(), total.cost());
    }

    /** A selection set on this type (null where the document names a type or field the schema lacks). */
    private Figures selections(@Nullable SelectionSet set, @Nullable GraphQLType type) {
        if (set == null) {
            return Figures.NONE;
        }
        Figures figures = Figures.NONE;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                figures = figures.plus(field(field, type));
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType condition = inline.getTypeCondition() == null
                        ? type
                        : schema.getType(inline.getTypeCondition().getName());
                figures = figures.plus(selections(inline.getSelectionSet(), condition));
            } else if (selection instanceof FragmentSpread spread) {
                figures = figures.plus(fragment(spread.getName()));
            }
        }
        return figures;
    }

    private Figures field(Field field, @Nullable GraphQLType parent) {
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(field.getName())
                : null;
        GraphQLType type = definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType());
        Figures children = selections(field.getSelectionSet(), type);
        String parentName = parent instanceof GraphQLFieldsContainer container ? container.getName() : null;
        long items =
                definition == null || parentName == null ? 1 : cost.items(parentName, definition, field, variables);
        long weight = definition == null || parentName == null ? 1 : cost.weight(parentName, definition);
        return new Figures(
                add(1, children.fields()),
                add(field.getAlias() != null ? 1 : 0, children.aliases()),
                children.depth() + 1,
                1,
                add(weight, multiply(items, children.cost())));
    }

    /** A fragment's figures, measured the first time it is met; its fields are not root fields where it is spread deeper. */
    private Figures fragment(String name) {
        Figures known = measured.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null) {
            return Figures.NONE; // validation names the unknown fragment
        }
        if (!measuring.add(name)) {
            throw new AbortExecutionException("The fragment %s spreads itself".formatted(name));
        }
        Figures figures = selections(
                definition.getSelectionSet(),
                schema.getType(definition.getTypeCondition().getName()));
        measuring.remove(name);
        measured.put(name, figures);
        return figures;
    }

    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    static long multiply(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }
}
