package app.brainbuddy.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.bson.types.ObjectId;

/**
 * A keyset position in one connection: the sort value of the last item seen and its id as
 * tie-breaker, so that items sharing a sort value are neither skipped nor repeated across pages.
 * It names its connection, so that a cursor of one list is refused by another. Opaque to clients.
 */
public record Cursor(String connection, String sortValue, String id) {

    public Instant instant() {
        try {
            return Instant.ofEpochMilli(Long.parseLong(sortValue));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public double number() {
        try {
            return Double.parseDouble(sortValue);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static Cursor at(String connection, Instant sortValue, String id) {
        return new Cursor(connection, Long.toString(sortValue.toEpochMilli()), id);
    }

    static Cursor at(String connection, double sortValue, String id) {
        return new Cursor(connection, Double.toString(sortValue), id);
    }

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((connection + "|" + sortValue + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String connection, String cursor) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 3 || !parts[0].equals(connection) || !ObjectId.isValid(parts[2])) {
            throw invalid();
        }
        return new Cursor(parts[0], parts[1], parts[2]);
    }

    private static ApiException invalid() {
        return ApiException.badRequest("after is not a cursor returned by this connection");
    }
}
