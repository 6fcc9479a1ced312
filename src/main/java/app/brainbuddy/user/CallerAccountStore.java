package app.brainbuddy.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.FindIterable;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The account behind each request's token, read fully only when it changed. Every request still asks
 * the database, so a deleted account's tokens and a revoked integration's token fail on the next
 * request on every replica; but for an account this instance keeps it asks for its
 * {@value #VERSION} alone (an {@code _id} lookup, one small field, no mapping), and reads and maps
 * the whole account only when that version differs or the account is not kept. Every change of a
 * user document increments the version in the same update (UserService); a deletion removes the
 * document. Accounts stored without the field count as version 0 until their first change. An
 * account is kept at most 10 minutes, so an edit made around the API, without the version, shows
 * within that. The profile put Spring Data's part of the whole read (query mapping, conversion,
 * lifecycle events, the repository proxy) at 45 % of the account read (docs/benchmarks.md).
 */
@Component
class CallerAccountStore {

    /** The user document's change counter, incremented by every update of the document. */
    static final String VERSION = "version";

    /** A few KB each at most (an account with its integrations): a few MB of heap. */
    private static final int SIZE = 2048;

    private final MongoTemplate mongo;
    private final Cache<String, Known> known = Caffeine.newBuilder()
            .maximumSize(SIZE)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    CallerAccountStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The account as it is in the database now; empty once it was deleted. One command either way:
     * the version alone for a kept account, the whole account otherwise; two only when a kept
     * account changed.
     */
    Optional<User> find(String id) {
        Known kept = known.getIfPresent(id);
        if (kept != null) {
            Document stamp = first(id, Projections.include(VERSION));
            if (stamp == null) {
                known.invalidate(id);
                return Optional.empty();
            }
            if (versionOf(stamp) == kept.version()) {
                return Optional.of(kept.user());
            }
        }
        Document stored = first(id, null);
        if (stored == null) {
            known.invalidate(id);
            return Optional.empty();
        }
        User user = mongo.getConverter().read(User.class, stored);
        known.put(id, new Known(user, versionOf(stored)));
        return Optional.of(user);
    }

    /** Through the template, so that a lost database is its DataAccessException (a 503), as elsewhere. */
    private @Nullable Document first(String id, @Nullable Bson projection) {
        return mongo.execute(User.class, collection -> {
            FindIterable<Document> found =
                    collection.find(Filters.eq("_id", ObjectId.isValid(id) ? new ObjectId(id) : id));
            return (projection == null ? found : found.projection(projection)).first();
        });
    }

    private static long versionOf(Document stored) {
        return stored.get(VERSION) instanceof Number number ? number.longValue() : 0;
    }

    private record Known(User user, long version) {}
}
