package app.brainbuddy.graphql;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database could not be reached (stopped, unreachable, or not answering in time). The client is
 * told so, since trying again shortly can succeed, with a reference the log also has; the driver's
 * message, which names hosts and cluster state, stays in the log.
 */
public final class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private DatabaseUnavailable() {}

    /** Logs the failure under a new reference and answers the message for the client, which names it. */
    public static String report(Throwable failure, Object where) {
        String reference = UUID.randomUUID().toString();
        log.warn("Database unavailable, reference {} in {}: {}", reference, where, failure.toString());
        return "The database is unavailable; try again shortly (reference " + reference + ")";
    }
}
