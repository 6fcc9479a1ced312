package app.brainbuddy.graphql;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether a field's selection asks for a field below it, read from the document as written (through fragments;
 * {@code @skip} and {@code @include} are not evaluated, so a field they leave out still counts as asked). Not
 * graphql-java's {@code DataFetchingFieldSelectionSet}: that one normalises the whole operation the first time it
 * is asked, which cost a knowledge page more CPU than the bytes it would have saved (docs/benchmarks.md).
 */
public final class Selections {

    private Selections() {}

    /** Whether the field being fetched asks for {@code path}, e.g. {@code "edges", "node", "evidenceNote"}. */
    public static boolean asks(DataFetchingEnvironment environment, String... path) {
        for (Field field : environment.getMergedField().getFields()) {
            if (asks(field.getSelectionSet(), path, 0, environment.getFragmentsByName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean asks(
            @Nullable SelectionSet set, String[] path, int at, Map<String, FragmentDefinition> fragments) {
        if (set == null) {
            return false;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getName().equals(path[at])
                        && (at == path.length - 1 || asks(field.getSelectionSet(), path, at + 1, fragments))) {
                    return true;
                }
            } else if (selection instanceof InlineFragment inline) {
                if (asks(inline.getSelectionSet(), path, at, fragments)) {
                    return true;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null && asks(fragment.getSelectionSet(), path, at, fragments)) {
                    return true;
                }
            }
        }
        return false;
    }
}
