package app.brainbuddy.graphql;

import java.util.List;
import java.util.function.Function;

/** A Relay connection page: the nodes after a cursor, each with its own cursor. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(T node, String cursor) {}

    /**
     * @param fetched the nodes after the cursor in order, at most {@code page.first() + 1} of them: the
     *     extra one only tells that there is a next page
     */
    public static <T> Connection<T> of(List<T> fetched, Page page, Function<T, Cursor> cursorOf) {
        boolean hasNextPage = fetched.size() > page.first();
        List<Edge<T>> edges = fetched.subList(0, Math.min(fetched.size(), page.first())).stream()
                .map(node -> new Edge<>(node, cursorOf.apply(node).encode()))
                .toList();
        return new Connection<>(
                edges,
                new PageInfo(
                        hasNextPage,
                        page.after() != null,
                        edges.isEmpty() ? null : edges.get(0).cursor(),
                        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }
}
