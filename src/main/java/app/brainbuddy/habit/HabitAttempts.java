package app.brainbuddy.habit;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.QueryCost;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * Checks attempts and records them, each with one atomic update of its habit's document
 * ({@link HabitStore}) that applies only while the attempt's client id is not in the habit's log
 * yet: a retry, however often and on whichever instance it arrives, matches nothing the second time.
 */
@Component
class HabitAttempts {

    static final int BATCH_ITEMS = QueryCost.MAX_BATCH;

    private final HabitStore store;
    private final Clock clock;
    private final HabitSettings settings;

    HabitAttempts(HabitStore store, Clock clock, HabitSettings settings) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    /** The habit after the attempt (or after its first arrival); empty when the user has no habit with this id. */
    Optional<Habit> record(String userId, HabitAttemptInput input) {
        return store.record(userId, checked(input, clock.instant(), "input."));
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
        Map<String, Habit> owned = store.owned(userId, habitIds);
        for (int i = 0; i < attempts.size(); i++) {
            if (!owned.containsKey(attempts.get(i).habitId())) {
                // as for a single attempt: another person's habit answers exactly like a missing one
                throw ApiException.notFound(
                        "input[%d].habitId: Habit".formatted(i), attempts.get(i).habitId());
            }
        }
        store.recordAll(userId, attempts);
        Map<String, Habit> after = store.owned(userId, habitIds);
        return habitIds.stream().map(after::get).toList();
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
    record Attempt(String habitId, String clientId, boolean success, Instant occurredAt) {}
}
