package app.brainbuddy.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server inside the JVM, reached through the normal driver over a loopback
 * socket, so the application runs the same code against it as against MongoDB/Atlas.
 */
final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoSettings.Embedded settings;
    private final InetSocketAddress address;
    private volatile MongoServer server;

    EmbeddedMongoServer(MongoSettings.Embedded settings) {
        this.settings = settings;
        this.server = serve(settings, new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()));
        this.address = server.getLocalAddress();
        log.warn(
                "Using the EMBEDDED development database (mongo-java-server, {}) on {}:{} - set MONGODB_URL to use MongoDB or Atlas",
                settings.storage() == MongoSettings.Storage.FILE ? "data in " + settings.path() : "in memory",
                address.getHostString(),
                address.getPort());
    }

    ConnectionString connectionString(String database) {
        return new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
    }

    /** Goes away as a failed database does (for fault tests): open connections are cut, the data file is closed. */
    void stop() {
        server.shutdownNow();
    }

    /** Serves again on the same port, from the same file (a memory database comes back empty). */
    void restart() {
        server = serve(settings, address);
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** The server also closes the backend when it shuts down. */
    private static MongoServer serve(MongoSettings.Embedded settings, InetSocketAddress address) {
        MongoServer server = new MongoServer(
                switch (settings.storage()) {
                    case MEMORY -> H2Backend.inMemory();
                    case FILE -> new H2Backend(prepareFile(settings.path()));
                });
        server.bind(address);
        return server;
    }

    private static String prepareFile(Path path) {
        Path absolute = path.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded database folder " + absolute.getParent(), e);
        }
        return absolute.toString();
    }
}
