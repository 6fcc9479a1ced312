package app.brainbuddy.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.bson.types.ObjectId;

/**
 * A keyset position: the sort value of the last item seen and its id as tie-breaker, so that items
 * sharing a sort value are neither skipped nor repeated across pages. Opaque to clients.
 */
public record Cursor(String sortValue, String id) {

    public static Cursor of(Instant sortValue, String id) {
        return new Cursor(Long.toString(sortValue.toEpochMilli()), id);
    }

    public static Cursor of(double sortValue, String id) {
        return new Cursor(Double.toString(sortValue), id);
    }

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

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((sortValue + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int separator = decoded.indexOf('|');
        if (separator < 0 || !ObjectId.isValid(decoded.substring(separator + 1))) {
            throw invalid();
        }
        return new Cursor(decoded.substring(0, separator), decoded.substring(separator + 1));
    }

    private static ApiException invalid() {
        return ApiException.badRequest("after is not a cursor returned by this connection");
    }
}
