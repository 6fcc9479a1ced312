package app.brainbuddy.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * Short timeouts, so that a lost database fails a request within about two seconds instead of
 * holding it, and acknowledged writes that survive a primary's loss and a crash: majority write
 * concern with journaling (on a majority of the replica set, in the journal on disk), and
 * retryable writes where the server supports them (replica sets and sharded clusters, not the
 * embedded server). An option the connection string sets itself is left as it says: Boot applies
 * the string first, this runs after it.
 */
final class MongoDriverSettings implements MongoClientSettingsBuilderCustomizer {

    private final MongoSettings settings;
    private final ConnectionString connection;

    MongoDriverSettings(MongoSettings settings, ConnectionString connection) {
        this.settings = settings;
        this.connection = connection;
    }

    @Override
    public void customize(MongoClientSettings.Builder builder) {
        if (connection.getServerSelectionTimeout() == null) {
            builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                    settings.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
        }
        if (connection.getConnectTimeout() == null) {
            builder.applyToSocketSettings(
                    socket -> socket.connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
        }
        if (connection.getSocketTimeout() == null) {
            builder.applyToSocketSettings(
                    socket -> socket.readTimeout(settings.socketTimeout().toMillis(), TimeUnit.MILLISECONDS));
        }
        if (connection.getWriteConcern() == null) {
            builder.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        if (connection.getRetryWritesValue() == null) {
            builder.retryWrites(true);
        }
    }
}
