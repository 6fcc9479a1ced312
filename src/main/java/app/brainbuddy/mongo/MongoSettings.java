package app.brainbuddy.mongo;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives: {@code url} (from {@code MONGODB_URL}) selects a real MongoDB; left blank,
 * the embedded development server is started instead. The timeouts make a lost database fail a
 * request quickly instead of holding it; the same options written in the URL take precedence.
 */
@ConfigurationProperties("brainbuddy.mongo")
public record MongoSettings(
        @Nullable String url,
        @DefaultValue("brain_buddy") String database,
        @DefaultValue("1500ms") Duration serverSelectionTimeout,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("5s") Duration socketTimeout,
        @DefaultValue Embedded embedded) {

    boolean usesEmbeddedServer() {
        return url == null || url.isBlank();
    }

    /**
     * The embedded mongo-java-server: an H2 file (kept across restarts) or memory (tests). Every
     * write is in the file before it is acknowledged; {@code fsync} also forces it to the disk
     * (survives a power cut, not only a killed process).
     */
    public record Embedded(
            @DefaultValue("file") Storage storage,
            @DefaultValue("./data/brain-buddy.mv.db") Path path,
            @DefaultValue("0") int port,
            @DefaultValue("true") boolean fsync) {}

    public enum Storage {
        FILE,
        MEMORY
    }
}
