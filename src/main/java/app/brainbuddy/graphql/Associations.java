package app.brainbuddy.graphql;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns values found by key into the parent-to-value map a {@code @BatchMapping} returns. */
public final class Associations {

    private Associations() {}

    /** Parents whose key has no value are left out, which GraphQL shows as null. */
    public static <P, V> Map<P, V> byParent(
            Collection<P> parents, Function<P, String> keyOf, Map<String, V> valuesByKey) {
        return parents.stream()
                .filter(parent -> valuesByKey.containsKey(keyOf.apply(parent)))
                .collect(Collectors.toMap(
                        Function.identity(), parent -> valuesByKey.get(keyOf.apply(parent)), (same, alsoSame) -> same));
    }
}
