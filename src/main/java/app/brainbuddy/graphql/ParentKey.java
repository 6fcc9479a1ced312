package app.brainbuddy.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The DataLoader key of a field with arguments, such as {@code User.sessions(filter, first, after)}:
 * the parent's id and the field's arguments. Parents asked with equal arguments share one query.
 */
public record ParentKey<A>(String parentId, A arguments) {

    /**
     * @param fetch loads the values of several parents that share arguments, with one query, and
     *     answers for every parent it was given
     */
    public static <A, V> Map<ParentKey<A>, V> loadByArguments(
            Set<ParentKey<A>> keys, BiFunction<List<String>, A, Map<String, V>> fetch) {
        Map<ParentKey<A>, V> values = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(ParentKey::arguments)).forEach((arguments, sameArguments) -> {
            Map<String, V> byParent =
                    fetch.apply(sameArguments.stream().map(ParentKey::parentId).toList(), arguments);
            sameArguments.forEach(key -> values.put(key, byParent.get(key.parentId())));
        });
        return values;
    }
}
