package app.brainbuddy.graphql;

import org.jspecify.annotations.Nullable;

public record PageInfo(
        boolean hasNextPage,
        boolean hasPreviousPage,
        @Nullable String startCursor,
        @Nullable String endCursor) {}
