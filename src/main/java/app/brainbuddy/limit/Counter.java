package app.brainbuddy.limit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One limit's count for one key in one window. The window's start is part of the id, so a new
 * window starts a new count without anyone resetting the old one; MongoDB deletes a counter once it
 * has expired (TTL index), and {@link CounterStore#sweep} does the same on the embedded server, which
 * keeps TTL indexes but never expires anything.
 */
@Document("limit_counters")
record Counter(
        @Id String id,
        long count,

        @Field("expires_at") @Indexed(name = "expires_at_ttl", expireAfter = "0s")
        Instant expiresAt) {}
