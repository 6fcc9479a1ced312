package app.brainbuddy.session;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.limit.PersonQuotas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * Offline sync: a device's past sessions stored with one unordered {@code insertMany}. Every item is
 * checked before anything is written, so one bad item rejects the whole batch. There are no
 * multi-document transactions to lean on, so the write is idempotent instead: an item carrying a
 * client-generated id that is already stored is not stored again, and a concurrent retry that wins
 * the race for an id shows up as a duplicate-key error for that item only, which means "already
 * stored".
 */
@Component
class SessionSync {

    /** Devices' clocks may run a little ahead of the server's. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Before the app and its data: a broken or hostile client, whose dates would distort statistics for good. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * The one answer for an id that cannot be used, whether malformed or held by another person's
     * session, so that the answer never tells whether someone else's session exists.
     */
    static final String UNUSABLE_ID =
            "cannot be used: send a new ObjectId (24 lowercase hex digits) made for this session";

    private final SessionStore store;
    private final PersonQuotas quotas;
    private final Clock clock;

    SessionSync(SessionStore store, PersonQuotas quotas, Clock clock) {
        this.store = store;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** The sessions in input order, as stored now (by this call or an earlier one). */
    List<TrainingSession> record(String userId, List<RecordSessionInput> items) {
        List<TrainingSession> sessions = new ArrayList<>(items.size());
        Map<String, Integer> indexOfId = new HashMap<>();
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        for (int i = 0; i < items.size(); i++) {
            RecordSessionInput item = items.get(i);
            check(i, item, latest);
            if (item.id() != null) {
                Integer earlier = indexOfId.putIfAbsent(item.id(), i);
                if (earlier != null) {
                    throw ApiException.badRequest(
                            "Invalid input: input[%d].id repeats input[%d].id".formatted(i, earlier));
                }
            }
            sessions.add(session(userId, item));
        }

        // counted once the batch is known to be valid, so a refused batch writes nothing
        quotas.recordSessions(userId, items.size());
        Map<String, TrainingSession> stored = stored(userId, indexOfId);
        List<TrainingSession> fresh = sessions.stream()
                .filter(session -> !stored.containsKey(session.id()))
                .toList();
        Set<String> raced = store.insertNew(fresh);
        if (!raced.isEmpty()) {
            stored.putAll(stored(
                    userId,
                    indexOfId.entrySet().stream()
                            .filter(entry -> raced.contains(entry.getKey()))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        }
        return sessions.stream()
                .map(session -> stored.getOrDefault(session.id(), session))
                .toList();
    }

    private static void check(int index, RecordSessionInput item, Instant latest) {
        if (item.timestamp().isBefore(EARLIEST) || item.timestamp().isAfter(latest)) {
            throw invalid(
                    index,
                    "timestamp",
                    "must be between " + EARLIEST + " and " + CLOCK_SKEW.toMinutes() + " minutes from now");
        }
        Map<String, Object> content = item.generatedContent();
        if (content == null) {
            return;
        }
        SessionLimits.CONTENT.check("input[%d].generatedContent".formatted(index), content);
        Object duration = content.get("duration");
        if (duration != null
                && !(duration instanceof Number seconds && seconds.doubleValue() == item.durationSeconds())) {
            throw invalid(index, "generatedContent.duration", "must equal durationSeconds");
        }
        Object frequency = content.get("frequency");
        BrainwaveTarget target = item.brainwaveTarget();
        if (target != null
                && frequency != null
                && !(frequency instanceof Number hz && target.contains(hz.doubleValue()))) {
            throw invalid(
                    index,
                    "generatedContent.frequency",
                    "must be a beat frequency inside the %s band (%s-%s Hz)"
                            .formatted(target, target.lowHz(), target.highHz()));
        }
    }

    private static ApiException invalid(int index, String field, String problem) {
        return ApiException.badRequest("Invalid input: input[%d].%s %s".formatted(index, field, problem));
    }

    private TrainingSession session(String userId, RecordSessionInput item) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("duration", item.durationSeconds());
        if (item.generatedContent() != null) {
            content.putAll(item.generatedContent());
        }
        return new TrainingSession(
                item.id() != null ? item.id() : new ObjectId().toHexString(),
                userId,
                item.moduleType(),
                item.brainwaveTarget(),
                content,
                item.userRating(),
                item.effectivenessScore(),
                item.timestamp().truncatedTo(ChronoUnit.MILLIS),
                item.durationSeconds(),
                null);
    }

    /**
     * The already stored sessions among these client-generated ids, by id; an id that another user's
     * session holds is refused exactly as a malformed one.
     */
    private Map<String, TrainingSession> stored(String userId, Map<String, Integer> indexOfId) {
        if (indexOfId.isEmpty()) {
            return new HashMap<>();
        }
        Map<String, TrainingSession> stored = store.withIds(indexOfId.keySet()).stream()
                .collect(Collectors.toMap(TrainingSession::id, Function.identity()));
        stored.values().stream()
                .filter(session -> !session.userId().equals(userId))
                .findFirst()
                .ifPresent(session -> {
                    throw invalid(indexOfId.get(session.id()), "id", UNUSABLE_ID);
                });
        return stored;
    }
}
