import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The application's embedded database, mongo-java-server with the H2 backend in memory, in a
 * process of its own on a loopback port: the server under test then reaches it through
 * {@code MONGODB_URL} as it would reach MongoDB, and its memory and garbage collection are its own,
 * without the database's documents in its heap. The limit program reads the same server.
 *
 * <p>Argument: port. Runs until it is killed.
 */
public class Db {

    public static void main(String[] args) {
        MongoServer server = new MongoServer(H2Backend.inMemory());
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])));
        System.out.println("mongo-java-server (H2, in memory) listening on " + server.getLocalAddress());
    }
}
