package app.brainbuddy.graphql;

import org.jspecify.annotations.Nullable;

/** Which page of a connection a client asked for: {@code first} items after the cursor {@code after}. */
public record Page(int first, @Nullable Cursor after) {

    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100;

    public static Page of(@Nullable Integer first, @Nullable String after) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 1 || size > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", was " + size);
        }
        return new Page(size, after == null ? null : Cursor.decode(after));
    }
}
