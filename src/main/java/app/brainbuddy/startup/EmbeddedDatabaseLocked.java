package app.brainbuddy.startup;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The embedded database's file is held by another process, most often a forgotten server. */
class EmbeddedDatabaseLocked extends AbstractFailureAnalyzer<MVStoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MVStoreException cause) {
        if (cause.getErrorCode() != DataUtils.ERROR_FILE_LOCKED) {
            return null;
        }
        return new FailureAnalysis(
                "The embedded database is in use by another process, most likely a Brain Buddy server still "
                        + "running in another terminal (" + cause.getMessage() + ").",
                "Stop the other server (find it with `jps -l` or `ps aux | grep brain-buddy`), or give this one "
                        + "its own file with --brainbuddy.mongo.embedded.path=<file>, or run it without a file with "
                        + "--brainbuddy.mongo.embedded.storage=memory.",
                cause);
    }
}
