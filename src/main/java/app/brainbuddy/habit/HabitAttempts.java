package app.brainbuddy.habit;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.QueryCost;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records attempts, each with one atomic update of its habit's document that applies only while the
 * attempt's client id is not in the habit's log yet: a retry, however often and on whichever
 * instance it arrives, matches nothing the second time. The update never reads a value into Java to
 * write it back, so concurrent attempts are all counted.
 */
@Component
class HabitAttempts {

    static final int BATCH_ITEMS = QueryCost.MAX_BATCH;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final HabitSettings settings;

    HabitAttempts(MongoTemplate mongo, Clock clock, HabitSettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
    }

    /** The habit after the attempt (or after its first arrival); empty when the user has no habit with this id. */
    Optional<Habit> record(String userId, HabitAttemptInput input) {
        Attempt attempt = checked(input, clock.instant(), "input.");
        Query owned = HabitQueries.owned(userId, input.habitId());
        Habit recorded = mongo.findAndModify(
                attempt.unlogged(owned),
                attempt.update(),
                FindAndModifyOptions.options().returnNew(true),
                Habit.class);
        return recorded != null ? Optional.of(recorded) : Optional.ofNullable(mongo.findOne(owned, Habit.class));
    }

    /**
     * Records up to {@value #BATCH_ITEMS} attempts, each checked before anything is written, in one
     * unordered bulk write. Answers the habits they were for, each once, in the order first named.
     */
    List<Habit> recordAll(String userId, List<HabitAttemptInput> inputs) {
        if (inputs.isEmpty() || inputs.size() > BATCH_ITEMS) {
            throw ApiException.badRequest(
                    "Invalid input: give 1 to %d attempts, not %d".formatted(BATCH_ITEMS, inputs.size()));
        }
        Instant now = clock.instant();
        List<Attempt> attempts = new ArrayList<>(inputs.size());
        Map<String, Integer> indexOfClientId = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Attempt attempt = checked(inputs.get(i), now, "input[%d].".formatted(i));
            Integer earlier = indexOfClientId.putIfAbsent(attempt.habitId() + "/" + attempt.clientId(), i);
            if (earlier != null) {
                throw ApiException.badRequest(
                        "Invalid input: input[%d].clientId repeats input[%d].clientId".formatted(i, earlier));
            }
            attempts.add(attempt);
        }
        Set<String> habitIds = new LinkedHashSet<>();
        attempts.forEach(attempt -> habitIds.add(attempt.habitId()));
        Map<String, Habit> owned = owned(userId, habitIds);
        for (int i = 0; i < attempts.size(); i++) {
            if (!owned.containsKey(attempts.get(i).habitId())) {
                // as for a single attempt: another person's habit answers exactly like a missing one
                throw ApiException.notFound(
                        "input[%d].habitId: Habit".formatted(i), attempts.get(i).habitId());
            }
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Habit.class);
        attempts.forEach(attempt ->
                bulk.updateOne(attempt.unlogged(HabitQueries.owned(userId, attempt.habitId())), attempt.update()));
        bulk.execute();
        Map<String, Habit> after = owned(userId, habitIds);
        return habitIds.stream().map(after::get).toList();
    }

    private Map<String, Habit> owned(String userId, Set<String> habitIds) {
        List<ObjectId> ids =
                habitIds.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
        Map<String, Habit> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids).and("user_id").is(userId)), Habit.class)
                .forEach(habit -> found.put(habit.id(), habit));
        return found;
    }

    private Attempt checked(HabitAttemptInput input, Instant now, String path) {
        String clientId = input.clientId();
        if (clientId != null && !ObjectId.isValid(clientId)) {
            throw ApiException.badRequest(
                    "Invalid input: %sclientId must be an ObjectId (24 hex digits), was %s".formatted(path, clientId));
        }
        Instant occurredAt = input.occurredAt() == null ? now : input.occurredAt();
        if (occurredAt.isAfter(now.plus(settings.maxClockSkew()))) {
            throw ApiException.badRequest("Invalid input: %soccurredAt is more than %s ahead of the server's clock"
                    .formatted(path, settings.maxClockSkew()));
        }
        if (occurredAt.isBefore(now.minus(settings.maxAttemptAge()))) {
            throw ApiException.badRequest(
                    "Invalid input: %soccurredAt is older than %d days (brainbuddy.habits.max-attempt-age)"
                            .formatted(path, settings.maxAttemptAge().toDays()));
        }
        return new Attempt(
                input.habitId(),
                // lowercase, so one id written in two cases is still one attempt
                clientId == null ? new ObjectId().toHexString() : new ObjectId(clientId).toHexString(),
                input.success(),
                occurredAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A checked attempt with its client id (made here when the device gave none). */
    private record Attempt(String habitId, String clientId, boolean success, Instant occurredAt) {

        /** The habit, as long as this attempt is not in its log. */
        Query unlogged(Query habit) {
            return new BasicQuery(new Document(habit.getQueryObject())
                    .append("attempt_log." + clientId, new Document("$exists", false)));
        }

        Update update() {
            int succeeded = success ? 1 : 0;
            String day = "days." + LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
            return new Update()
                    .set("attempt_log." + clientId, new Document("success", success).append("occurred_at", occurredAt))
                    .inc("attempt_count", 1)
                    .inc("success_count", succeeded)
                    .inc(day + ".attempts", 1)
                    .inc(day + ".successes", succeeded)
                    .max("last_attempt_at", occurredAt);
        }
    }
}
