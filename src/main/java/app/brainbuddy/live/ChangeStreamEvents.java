package app.brainbuddy.live;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;

/**
 * Events read from MongoDB's change stream of the features' collections, so that a write on any
 * instance reaches the subscribers of every instance. One stream per instance, read on a thread of
 * its own and handed to local subscribers. A lost stream (failover, network) is opened again after
 * the last event handed on (its resume token): nothing twice, nothing lost, as long as the oplog
 * still holds the gap. Where it does not (code 286, history lost), the stream starts from now and the
 * gap's events are lost; subscribers read the current state when they subscribe again. The token is
 * kept in memory: a restarted instance starts from now, and its subscribers, whose connections the
 * restart closed, subscribe again anyway.
 */
final class ChangeStreamEvents implements LiveEvents, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamEvents.class);
    private static final int HISTORY_LOST = 286;
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final MongoDatabase database;
    private final Map<String, ChangeDecoder> decoders;
    private final LocalDelivery delivery;
    private volatile @Nullable BsonDocument resumeToken;
    private volatile boolean running;
    private @Nullable Thread reader;

    ChangeStreamEvents(MongoDatabase database, List<ChangeDecoder> decoders, LocalDelivery delivery) {
        this.database = database;
        this.decoders = decoders.stream().collect(Collectors.toMap(ChangeDecoder::collection, Function.identity()));
        this.delivery = delivery;
    }

    /** The database announces every write itself, on every instance. */
    @Override
    public void publish(String userId, Topic topic, Supplier<?> payload) {}

    @Override
    public Flux<LiveEvent> of(String userId) {
        return delivery.of(userId);
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::read, "change-stream-events");
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (reader != null) {
            reader.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void read() {
        while (running) {
            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = open()) {
                while (running) {
                    ChangeStreamDocument<Document> change = cursor.tryNext();
                    if (change != null) {
                        hand(change);
                    }
                    // also moves past events of other collections, so a resume starts after them
                    if (cursor.getResumeToken() != null) {
                        resumeToken = cursor.getResumeToken();
                    }
                }
            } catch (MongoCommandException e) {
                if (e.getErrorCode() == HISTORY_LOST) {
                    log.warn(
                            "The change stream's resume point is no longer in the oplog; events since are lost, starting from now");
                    resumeToken = null;
                } else {
                    pause(e);
                }
            } catch (MongoException | IllegalStateException e) {
                pause(e);
            }
        }
    }

    private MongoChangeStreamCursor<ChangeStreamDocument<Document>> open() {
        var stream = database.watch(List.of(Aggregates.match(Filters.in("ns.coll", decoders.keySet()))), Document.class)
                .fullDocument(FullDocument.UPDATE_LOOKUP);
        BsonDocument token = resumeToken;
        return (token == null ? stream : stream.resumeAfter(token)).cursor();
    }

    private void hand(ChangeStreamDocument<Document> change) {
        ChangeDecoder decoder = change.getNamespace() == null
                ? null
                : decoders.get(change.getNamespace().getCollectionName());
        if (decoder != null) {
            decoder.decode(change).ifPresent(delivery::deliver);
        }
    }

    private void pause(RuntimeException e) {
        if (!running) {
            return;
        }
        log.warn("The change stream was lost ({}); opening it again after the last event handed on", e.toString());
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
