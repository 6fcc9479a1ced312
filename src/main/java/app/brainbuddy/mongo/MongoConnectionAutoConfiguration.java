package app.brainbuddy.mongo;

import com.mongodb.ConnectionString;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Connects to {@code MONGODB_URL} when it is set, otherwise to an embedded server started here.
 * Backs off when something else (a Testcontainers {@code @ServiceConnection}) already provides the
 * connection.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
public class MongoConnectionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MongoConnectionDetails.class)
    MongoConnectionDetails brainBuddyMongoConnection(
            MongoSettings settings, ObjectProvider<EmbeddedMongoServer> embeddedServer) {
        ConnectionString connection = settings.usesEmbeddedServer()
                ? embeddedServer.getObject().connectionString(settings.database())
                : ConnectionStrings.withDefaultDatabase(settings.url(), settings.database());
        return () -> connection;
    }

    @Bean
    @Lazy
    EmbeddedMongoServer embeddedMongoServer(MongoSettings settings) {
        return new EmbeddedMongoServer(settings.embedded());
    }

    @Bean
    MongoClientSettingsBuilderCustomizer brainBuddyMongoDriverSettings(
            MongoSettings settings, MongoConnectionDetails connection) {
        return new MongoDriverSettings(settings, connection.getConnectionString());
    }
}
