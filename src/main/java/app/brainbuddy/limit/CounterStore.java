package app.brainbuddy.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters shared by every instance on the database: one atomic {@code $inc} upsert
 * per count (exact under concurrency on MongoDB and on the embedded server alike).
 */
@Component
public class CounterStore {

    private static final Logger log = LoggerFactory.getLogger(CounterStore.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    CounterStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A count in the current window and when that window ends. */
    public record Count(long count, Instant windowEnd) {}

    /** Adds {@code amount} (negative to give back) to the count of this key in the window now running. */
    public Count add(String limit, String key, Duration window, long amount) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, window.toMillis());
        Instant end = Instant.ofEpochMilli(start + window.toMillis());
        Counter counter = mongo.findAndModify(
                Query.query(Criteria.where("id").is(limit + ":" + digest(key) + ":" + start)),
                new Update().inc("count", amount).setOnInsert("expiresAt", Date.from(end)),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Counter.class);
        return new Count(counter == null ? amount : counter.count(), end);
    }

    /**
     * The key as stored: a SHA-256 digest, so that emails and client addresses counted here never
     * reach the database (a deleted account's email must leave the data with it).
     */
    private static String digest(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Deletes expired counters: what the TTL index does on MongoDB, which the embedded server does not. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void sweep() {
        long deleted = mongo.remove(
                        Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant()))), Counter.class)
                .getDeletedCount();
        log.debug("Deleted {} expired limit counters", deleted);
    }
}
