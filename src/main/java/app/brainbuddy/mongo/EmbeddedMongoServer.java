package app.brainbuddy.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server inside the JVM, reached through the normal driver over a loopback
 * socket, so the application runs the same code against it as against MongoDB/Atlas.
 */
final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoSettings.Embedded settings;
    /** Known to this process only: the driver names it in every connection's handshake. */
    private final String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

    private final InetSocketAddress address;
    private volatile MongoServer server;

    EmbeddedMongoServer(MongoSettings.Embedded settings) {
        this.settings = settings;
        this.server = serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()));
        this.address = server.getLocalAddress();
        log.warn(
                "Using the EMBEDDED development database (mongo-java-server, {}) on {}:{} - set MONGODB_URL to use MongoDB or Atlas",
                settings.storage() == MongoSettings.Storage.FILE ? "data in " + settings.path() : "in memory",
                address.getHostString(),
                address.getPort());
    }

    ConnectionString connectionString(String database) {
        return new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database
                + "?appName=" + secret);
    }

    /** Goes away as a failed database does (for fault tests): open connections are cut, the data file is closed. */
    void stop() {
        server.shutdownNow();
    }

    /** Serves again on the same port, from the same file (a memory database comes back empty). */
    void restart() {
        server = serve(address);
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** The server also closes the backend when it shuts down. */
    private MongoServer serve(InetSocketAddress address) {
        MVStore store = switch (settings.storage()) {
            case MEMORY -> MVStore.open(null);
            case FILE -> openCompacted(prepareFile(settings.path()));
        };
        MongoServer server = new MongoServer(new EmbeddedBackend(store, settings.fsync(), secret));
        server.bind(address);
        return server;
    }

    /**
     * Opens the file after rewriting its live data into a fresh file that replaces it, so that what
     * was deleted before this start (an account's email, hash and sessions) is gone from the bytes
     * on disk, not only unreachable in dead chunks. The timer commit is off: {@link EmbeddedBackend}
     * commits every write itself.
     */
    private static MVStore openCompacted(String file) {
        MVStoreTool.compactCleanUp(file);
        if (Files.exists(Path.of(file))) {
            String fresh = file + ".compacting";
            MVStoreTool.compact(file, fresh, false);
            force(fresh);
            MVStoreTool.moveAtomicReplace(fresh, file);
        }
        return new MVStore.Builder().fileName(file).autoCommitDisabled().open();
    }

    /** The rewritten file is on the disk before it replaces the old one. */
    private static void force(String file) {
        try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedded database file " + file, e);
        }
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
