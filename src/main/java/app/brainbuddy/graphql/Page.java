package app.brainbuddy.graphql;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a connection a client asked for: {@code first} items after the cursor
 * {@code after}. {@code connection} names the list, e.g. {@code "sessions"}.
 */
public record Page(String connection, int first, @Nullable Cursor after) {

    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100;

    public static Page of(String connection, @Nullable Integer first, @Nullable String after) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 1 || size > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", was " + size);
        }
        return new Page(connection, size, after == null ? null : Cursor.decode(connection, after));
    }

    /** The cursor of an item of this connection sorted by an instant. */
    public Cursor cursor(Instant sortValue, String id) {
        return Cursor.at(connection, sortValue, id);
    }

    /** The cursor of an item of this connection sorted by a number. */
    public Cursor cursor(double sortValue, String id) {
        return Cursor.at(connection, sortValue, id);
    }
}
