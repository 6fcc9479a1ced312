package app.brainbuddy.mongo;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.StandardMongoClientSettingsBuilderCustomizer;

class MongoDriverSettingsTests {

    private static final MongoSettings SETTINGS = new MongoSettings(
            null,
            "brain_buddy",
            Duration.ofMillis(1500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            new MongoSettings.Embedded(MongoSettings.Storage.MEMORY, Path.of("unused"), 0, false));

    @Test
    void aUrlWithoutOptionsGetsShortTimeoutsMajorityWritesAndRetryableWrites() {
        MongoClientSettings client = clientSettings("mongodb+srv://ana:s3cret@cluster0.abcde.mongodb.net/brain_buddy");

        assertThat(client.getClusterSettings().getServerSelectionTimeout(MILLISECONDS))
                .isEqualTo(1500);
        assertThat(client.getSocketSettings().getConnectTimeout(MILLISECONDS)).isEqualTo(1000);
        assertThat(client.getSocketSettings().getReadTimeout(MILLISECONDS)).isEqualTo(5000);
        assertThat(client.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
        assertThat(client.getRetryWrites()).isTrue();
    }

    @Test
    void optionsWrittenInTheUrlWin() {
        MongoClientSettings client = clientSettings("mongodb://db.example/brain_buddy?serverSelectionTimeoutMS=30000"
                + "&connectTimeoutMS=10000&socketTimeoutMS=60000&w=1&retryWrites=false");

        assertThat(client.getClusterSettings().getServerSelectionTimeout(MILLISECONDS))
                .isEqualTo(30000);
        assertThat(client.getSocketSettings().getConnectTimeout(MILLISECONDS)).isEqualTo(10000);
        assertThat(client.getSocketSettings().getReadTimeout(MILLISECONDS)).isEqualTo(60000);
        assertThat(client.getWriteConcern()).isEqualTo(WriteConcern.W1);
        assertThat(client.getRetryWrites()).isFalse();
    }

    /** In Boot's order: its customizer applies the connection string, then ours runs. */
    private static MongoClientSettings clientSettings(String url) {
        ConnectionString connection = new ConnectionString(url);
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        new StandardMongoClientSettingsBuilderCustomizer(() -> connection, UuidRepresentation.STANDARD)
                .customize(builder);
        new MongoDriverSettings(SETTINGS, connection).customize(builder);
        return builder.build();
    }
}
