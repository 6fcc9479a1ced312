package app.brainbuddy.habit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records attempts with single-document atomic updates only, never reading a value into Java to
 * write it back, so concurrent attempts from any number of server instances are all counted.
 */
@Component
class HabitAttempts {

    /** Each failed round means another attempt on the same habit went through meanwhile. */
    private static final int MAX_ROUNDS = 100;

    private final MongoTemplate mongo;
    private final Clock clock;

    HabitAttempts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The habit after the attempt; empty when the user has no habit with this id. */
    Optional<Habit> record(String userId, String habitId, boolean success) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String day = "days." + LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!success) {
            return Optional.ofNullable(apply(HabitQueries.owned(userId, habitId), attempt(now, day, false)));
        }
        // A streak reaches a new best only while it is at the best so far (or, in hand-edited data,
        // above it). The filters let the database decide which case holds, in the same atomic step
        // as the increment.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Habit atBest = apply(
                    streakIs("$gte", userId, habitId), attempt(now, day, true).inc("best_streak", 1));
            if (atBest != null) {
                return Optional.of(atBest);
            }
            Habit belowBest = apply(streakIs("$lt", userId, habitId), attempt(now, day, true));
            if (belowBest != null) {
                return Optional.of(belowBest);
            }
            if (!mongo.exists(HabitQueries.owned(userId, habitId), Habit.class)) {
                return Optional.empty();
            }
        }
        throw new IllegalStateException("Habit " + habitId + " kept changing for " + MAX_ROUNDS + " rounds");
    }

    private @Nullable Habit apply(Query query, Update update) {
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Habit.class);
    }

    private static Update attempt(Instant now, String day, boolean success) {
        int succeeded = success ? 1 : 0;
        Update update = new Update()
                .inc("attempt_count", 1)
                .inc("success_count", succeeded)
                .inc(day + ".attempts", 1)
                .inc(day + ".successes", succeeded)
                .max("last_attempt_at", now);
        return success
                ? update.inc("current_streak", 1)
                : update.set("current_streak", 0).max("best_streak", 0);
    }

    private static Query streakIs(String comparison, String userId, String habitId) {
        Document owned = HabitQueries.owned(userId, habitId).getQueryObject();
        return new BasicQuery(new Document(owned)
                .append("$expr", new Document(comparison, List.of(orZero("$current_streak"), orZero("$best_streak")))));
    }

    /** Habits stored before streaks were tracked have neither field: they count as 0. */
    private static Document orZero(String field) {
        return new Document("$ifNull", List.of(field, 0));
    }
}
