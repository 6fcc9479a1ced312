package app.brainbuddy.mongo;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server with two additions the application relies on.
 *
 * <p><b>Durability.</b> The stock backend lets the MVStore commit on its own one-second timer, so a
 * killed process loses what it acknowledged in that second. Here the store's timer is off and
 * every write command commits (writes its chunk to the file) and, with {@code fsync}, forces the
 * file to the disk before its answer leaves: group commit, where writers that arrive while a commit
 * runs share the next one.
 *
 * <p><b>Only this process.</b> The wire port is a loopback TCP port any local process could open.
 * The application's own driver names a random secret as its application name in the handshake
 * every connection starts with; a connection that did not is refused every command.
 */
final class EmbeddedBackend extends H2Backend {

    /** Lower case, as commands are matched without case. */
    private static final Set<String> WRITES = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "create",
            "createindexes",
            "drop",
            "dropdatabase",
            "dropindexes",
            "renamecollection");

    private static final int UNAUTHORIZED = 13;

    private final boolean persistent;
    private final boolean fsync;
    private final String secret;
    private final Set<Channel> admitted = ConcurrentHashMap.newKeySet();
    private final AtomicLong applied = new AtomicLong();
    private final Object commitLock = new Object();
    private long committed;

    EmbeddedBackend(MVStore store, boolean fsync, String secret) {
        super(store);
        this.persistent = store.getFileStore() != null;
        this.fsync = fsync;
        this.secret = secret;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("ismaster") || name.equals("hello")) {
            admitIfItKnowsTheSecret(channel, query);
        } else {
            requireAdmitted(channel);
        }
        Document answer = super.handleCommand(channel, database, command, query);
        if (persistent && (WRITES.contains(name) || getMvStore().hasUnsavedChanges())) {
            makeDurable();
        }
        return answer;
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        requireAdmitted(query.getChannel());
        return super.handleQuery(query);
    }

    @Override
    public void handleClose(Channel channel) {
        admitted.remove(channel);
        super.handleClose(channel);
    }

    /**
     * Takes a ticket after the write is in the store's maps, then commits unless a commit that began
     * after the ticket already did: each commit covers every write applied before it began.
     */
    private void makeDurable() {
        long ticket = applied.incrementAndGet();
        synchronized (commitLock) {
            if (committed >= ticket) {
                return;
            }
            long upTo = applied.get();
            MVStore store = getMvStore();
            store.commit();
            if (fsync) {
                store.sync();
            }
            committed = upTo;
        }
    }

    private void admitIfItKnowsTheSecret(Channel channel, Document handshake) {
        if (handshake.get("client") instanceof Document client
                && client.get("application") instanceof Document application
                && secret.equals(application.get("name"))) {
            admitted.add(channel);
        }
    }

    private void requireAdmitted(Channel channel) {
        if (!admitted.contains(channel)) {
            throw new MongoServerError(
                    UNAUTHORIZED, "Unauthorized", "this embedded database serves only the process that started it");
        }
    }
}
