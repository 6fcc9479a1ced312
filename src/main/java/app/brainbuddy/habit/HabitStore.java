package app.brainbuddy.habit;

import app.brainbuddy.mongo.StoredNames;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The queries and updates on habits beyond the repository's. They name {@link Habit}'s properties,
 * which Spring Data maps to the stored names of its {@code @Field}s; a path to one key of a map
 * ({@code attemptLog.<clientId>}, {@code days.<date>}) starts with the map's stored name ({@link StoredNames}). Ownership is part of every filter, so another
 * user's habit is simply not matched, exactly like a missing one, and a malformed id matches nothing.
 */
@Component
class HabitStore {

    private final MongoTemplate mongo;
    private final String attemptLogField;
    private final String daysField;

    HabitStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.attemptLogField = StoredNames.of(mongo, Habit.class, "attemptLog");
        this.daysField = StoredNames.of(mongo, Habit.class, "days");
    }

    long countOf(String userId) {
        return mongo.count(Query.query(Criteria.where("userId").is(userId)), Habit.class);
    }

    /** The habit after the input's changes (the parts it leaves out stay); null when the user has none with its id. */
    @Nullable
    Habit update(String userId, UpdateHabitInput input) {
        Update update = new Update();
        if (input.habitType() != null) {
            update.set("habitType", input.habitType());
        }
        if (input.trigger() != null) {
            update.set("trigger", input.trigger().strip());
        }
        if (input.routine() != null) {
            update.set("routine", input.routine().strip());
        }
        if (input.reward() != null) {
            update.set("reward", input.reward().strip());
        }
        if (input.interruptProtocol() != null) {
            update.set("interruptProtocol", input.interruptProtocol().stripped());
        }
        return mongo.findAndModify(
                owned(userId, input.id()),
                update,
                FindAndModifyOptions.options().returnNew(true),
                Habit.class);
    }

    /** False when the user has no habit with this id. */
    boolean delete(String userId, String habitId) {
        return mongo.remove(owned(userId, habitId), Habit.class).getDeletedCount() > 0;
    }

    /**
     * Records the attempt unless it is in the habit's log already; the habit after it (or after its first
     * arrival), empty when the user has no habit with this id.
     */
    Optional<Habit> record(String userId, HabitAttempts.Attempt attempt) {
        Habit recorded = mongo.findAndModify(
                unlogged(userId, attempt),
                update(attempt),
                FindAndModifyOptions.options().returnNew(true),
                Habit.class);
        return recorded != null
                ? Optional.of(recorded)
                : Optional.ofNullable(mongo.findOne(owned(userId, attempt.habitId()), Habit.class));
    }

    /** Records each attempt not in its habit's log yet, in one unordered bulk write. */
    void recordAll(String userId, List<HabitAttempts.Attempt> attempts) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Habit.class);
        attempts.forEach(attempt -> bulk.updateOne(unlogged(userId, attempt), update(attempt)));
        bulk.execute();
    }

    /** The user's habits among these ids, by id, in one command. */
    Map<String, Habit> owned(String userId, Collection<String> habitIds) {
        List<ObjectId> ids =
                habitIds.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
        Map<String, Habit> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("id").in(ids).and("userId").is(userId)), Habit.class)
                .forEach(habit -> found.put(habit.id(), habit));
        return found;
    }

    private static Query owned(String userId, String habitId) {
        Object id = ObjectId.isValid(habitId) ? new ObjectId(habitId) : habitId;
        return Query.query(Criteria.where("id").is(id).and("userId").is(userId));
    }

    /** The attempt's habit, as long as this attempt is not in its log. */
    private Query unlogged(String userId, HabitAttempts.Attempt attempt) {
        return owned(userId, attempt.habitId())
                .addCriteria(Criteria.where(attemptLogField + "." + attempt.clientId())
                        .exists(false));
    }

    /**
     * The log entry, the counters and the day, in one step that never reads a value into Java to write
     * it back, so concurrent attempts are all counted.
     */
    private Update update(HabitAttempts.Attempt attempt) {
        int succeeded = attempt.success() ? 1 : 0;
        String day = daysField + "." + LocalDate.ofInstant(attempt.occurredAt(), ZoneOffset.UTC);
        return new Update()
                .set(
                        attemptLogField + "." + attempt.clientId(),
                        new LoggedAttempt(attempt.success(), attempt.occurredAt()))
                .inc("attemptCount", 1)
                .inc("successCount", succeeded)
                .inc(day + ".attempts", 1)
                .inc(day + ".successes", succeeded)
                .max("lastAttemptAt", attempt.occurredAt());
    }
}
