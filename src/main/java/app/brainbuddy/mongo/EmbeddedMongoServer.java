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

    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    EmbeddedMongoServer(MongoSettings.Embedded settings) {
        this.backend = switch (settings.storage()) {
            case MEMORY -> H2Backend.inMemory();
            case FILE -> new H2Backend(prepareFile(settings.path()));
        };
        this.server = new MongoServer(backend);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()));
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

    @Override
    public void close() {
        server.shutdown();
        backend.close();
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
