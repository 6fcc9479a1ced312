package app.brainbuddy.startup;

import com.mongodb.ConnectionString;
import com.mongodb.MongoTimeoutException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * No server of {@code MONGODB_URL} answered in time while the server created its indexes at start.
 * Names the hosts, never the whole string (it may hold a password).
 */
class MongoUnreachable extends AbstractFailureAnalyzer<MongoTimeoutException> {

    private final Environment environment;

    MongoUnreachable(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MongoTimeoutException cause) {
        return new FailureAnalysis(
                "The database at MONGODB_URL (" + hosts() + ") could not be reached within "
                        + environment.getProperty("brainbuddy.mongo.server-selection-timeout", "the timeout") + ".",
                "Check that MongoDB runs and is reachable from here (for Atlas: this machine's address is on the "
                        + "cluster's IP access list), that host, port and credentials in MONGODB_URL are right, or "
                        + "unset MONGODB_URL to use the embedded database.",
                cause);
    }

    private String hosts() {
        String url = environment.getProperty("brainbuddy.mongo.url", "");
        try {
            return "hosts " + String.join(", ", new ConnectionString(url).getHosts());
        } catch (IllegalArgumentException e) {
            return "hosts not readable";
        }
    }
}
