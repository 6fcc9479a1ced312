package app.brainbuddy.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The account behind each request's token, read fully only when it changed. Every request still asks
 * the database, so a deleted account's tokens and a revoked integration's token fail on the next
 * request on every replica; but it asks for the account's {@value #VERSION} alone (an {@code _id}
 * lookup, one small field, no mapping), and the full account is read and mapped only when that
 * version differs from the one this instance keeps. Every change of a user document bumps the
 * version in the same update (UserService); a deletion removes the document. Accounts stored without
 * the field count as version 0 until their first change; an account is kept at most 10 minutes, so an
 * edit made around the API without the version shows within that. The profile showed the full read's mapping
 * (Spring Data's query mapping, conversion, lifecycle events, the repository proxy) at about half of
 * the account read (docs/benchmarks.md).
 */
@Component
class CallerAccounts {

    /** The user document's change counter, incremented by every update of the document. */
    static final String VERSION = "version";

    /** A few KB each at most (an account with its integrations): a few MB of heap. */
    private static final int SIZE = 2048;

    private final MongoTemplate mongo;
    private final UserRepository users;
    private final Cache<String, Known> known = Caffeine.newBuilder()
            .maximumSize(SIZE)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    CallerAccounts(MongoTemplate mongo, UserRepository users) {
        this.mongo = mongo;
        this.users = users;
    }

    /** The account as it is in the database now; empty once it was deleted. */
    Optional<User> find(String id) {
        Document stamp = mongo.getCollection(mongo.getCollectionName(User.class))
                .find(Filters.eq("_id", ObjectId.isValid(id) ? new ObjectId(id) : id))
                .projection(Projections.include(VERSION))
                .first();
        if (stamp == null) {
            known.invalidate(id);
            return Optional.empty();
        }
        long version = stamp.get(VERSION) instanceof Number number ? number.longValue() : 0;
        Known kept = known.getIfPresent(id);
        if (kept != null && kept.version() == version) {
            return Optional.of(kept.user());
        }
        // read after the version: the account read is at least as new as the version it is kept under
        Optional<User> user = users.findById(id);
        user.ifPresentOrElse(account -> known.put(id, new Known(account, version)), () -> known.invalidate(id));
        return user;
    }

    private record Known(User user, long version) {}
}
