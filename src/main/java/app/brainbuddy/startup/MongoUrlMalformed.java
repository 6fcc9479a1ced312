package app.brainbuddy.startup;

import com.mongodb.ConnectionString;
import java.util.Arrays;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * {@code MONGODB_URL} that the driver cannot parse. The driver refuses it with a plain {@code
 * IllegalArgumentException}, told apart from others by where it was thrown. Its message describes
 * the mistake without repeating the string, so no password reaches the log.
 */
class MongoUrlMalformed implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && thrownByConnectionString(cause)) {
                return new FailureAnalysis(
                        "MONGODB_URL (brainbuddy.mongo.url) is not a valid MongoDB connection string: "
                                + cause.getMessage(),
                        "Set MONGODB_URL to a string such as mongodb://localhost:27017/brain_buddy or Atlas's "
                                + "mongodb+srv://<user>:<password>@<cluster>.mongodb.net/brain_buddy (special characters "
                                + "in the password percent-encoded), or unset it to use the embedded database.",
                        cause);
            }
        }
        return null;
    }

    private static boolean thrownByConnectionString(Throwable cause) {
        return Arrays.stream(cause.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(ConnectionString.class.getName()));
    }
}
