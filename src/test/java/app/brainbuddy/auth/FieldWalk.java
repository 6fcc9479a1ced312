package app.brainbuddy.auth;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the access matrix with its root field's selection replaced by every field
 * reachable from it: each object type is expanded where it is first met (a type met again answers
 * {@code __typename}), and connections ask for 2 items. Knows which schema field every response
 * path is.
 */
record FieldWalk(String document, Map<String, String> coordinates, Set<String> fields, Set<String> alwaysReached) {

    static FieldWalk of(GraphQLSchema schema, String operation) {
        Document parsed = Parser.parse(operation);
        OperationDefinition definition =
                parsed.getDefinitionsOfType(OperationDefinition.class).get(0);
        Field root = (Field) definition.getSelectionSet().getSelections().get(0);
        GraphQLObjectType rootType = definition.getOperation() == OperationDefinition.Operation.MUTATION
                ? schema.getMutationType()
                : schema.getQueryType();
        GraphQLFieldDefinition rootField = rootType.getFieldDefinition(root.getName());
        Map<String, String> coordinates = new LinkedHashMap<>();
        coordinates.put(root.getName(), rootType.getName() + "." + root.getName());
        Set<String> fields = new TreeSet<>();
        Set<String> alwaysReached = new TreeSet<>();
        SelectionSet selection = selectionOf(
                rootField.getType(), root.getName(), new HashSet<>(), coordinates, fields, alwaysReached, true);
        Field walked = root.transform(field -> field.selectionSet(selection));
        OperationDefinition walkedOperation = definition.transform(op ->
                op.selectionSet(SelectionSet.newSelectionSet().selection(walked).build()));
        Document document = parsed.transform(doc -> doc.definitions(List.of(walkedOperation)));
        return new FieldWalk(
                AstPrinter.printAst(document), Map.copyOf(coordinates), Set.copyOf(fields), Set.copyOf(alwaysReached));
    }

    /**
     * The selection of a field's type; {@code reached}: whether the object it selects from is always
     * there when the root answers (no list and no nullable field on the way).
     */
    private static @Nullable SelectionSet selectionOf(
            GraphQLType type,
            String path,
            Set<String> expanded,
            Map<String, String> coordinates,
            Set<String> fields,
            Set<String> alwaysReached,
            boolean reached) {
        if (GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLUnionType union) {
            // each member in an inline fragment; which one answers depends on the data
            SelectionSet.Builder members = SelectionSet.newSelectionSet()
                    .selection(Field.newField("__typename").build());
            for (GraphQLNamedOutputType member : union.getTypes()) {
                members.selection(InlineFragment.newInlineFragment()
                        .typeCondition(TypeName.newTypeName(member.getName()).build())
                        .selectionSet(selectionOf(member, path, expanded, coordinates, fields, alwaysReached, false))
                        .build());
            }
            return members.build();
        }
        if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType object)) {
            return null;
        }
        if (!expanded.add(object.getName())) {
            return SelectionSet.newSelectionSet()
                    .selection(Field.newField("__typename").build())
                    .build();
        }
        SelectionSet.Builder selection = SelectionSet.newSelectionSet();
        for (GraphQLFieldDefinition child : object.getFieldDefinitions()) {
            String childPath = path + "." + child.getName();
            String coordinate = object.getName() + "." + child.getName();
            coordinates.put(childPath, coordinate);
            fields.add(coordinate);
            if (reached) {
                alwaysReached.add(coordinate);
            }
            boolean childReached = reached
                    && GraphQLTypeUtil.isNonNull(child.getType())
                    && !GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(child.getType()));
            Field.Builder field = Field.newField(child.getName())
                    .selectionSet(selectionOf(
                            child.getType(), childPath, expanded, coordinates, fields, alwaysReached, childReached));
            if (child.getArgument("first") != null) {
                field.arguments(List.of(new Argument("first", new IntValue(BigInteger.TWO))));
            }
            selection.selection(field.build());
        }
        return selection.build();
    }

    /** The schema field ("User.email") a response path ([me, email]) answers. */
    String coordinateAt(List<Object> path) {
        return coordinates.getOrDefault(key(path), String.valueOf(path));
    }

    private static String key(List<Object> path) {
        return path.stream()
                .filter(segment -> !(segment instanceof Integer))
                .map(String::valueOf)
                .collect(Collectors.joining("."));
    }
}
