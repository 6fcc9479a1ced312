package app.brainbuddy.habit;

import app.brainbuddy.user.OwnedByUser;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A habit loop (trigger, routine, reward) with its interrupt protocol and attempt counters. The
 * counters, streaks and {@code days} (attempts per UTC day, keyed {@code yyyy-MM-dd}) change only
 * through atomic updates of this one document, so they always agree with each other.
 */
@Document("habits")
// a user's habits in creation order
@CompoundIndex(name = "user_id_1_created_at_1", def = "{'user_id': 1, 'created_at': 1}")
public record Habit(
        @Id String id,
        @Indexed @Field("user_id") String userId,
        @Indexed @Field("habit_type") HabitType habitType,
        String trigger,
        String routine,
        String reward,
        @Field("interrupt_protocol") InterruptProtocol interruptProtocol,
        @Field("success_count") int successCount,
        @Field("attempt_count") int attemptCount,
        // null in documents written before streaks were tracked
        @Field("current_streak") @Nullable Integer storedCurrentStreak,
        @Field("best_streak") @Nullable Integer storedBestStreak,

        @Field("last_attempt_at") @Nullable Instant lastAttemptAt,
        @Nullable Map<String, DayCount> days,
        @Field("created_at") Instant createdAt)
        implements OwnedByUser {

    /** Null before the first attempt: no attempts is not a 0% success rate. */
    public @Nullable Double successRate() {
        return attemptCount == 0 ? null : (double) successCount / attemptCount;
    }

    public int currentStreak() {
        return storedCurrentStreak == null ? 0 : storedCurrentStreak;
    }

    public int bestStreak() {
        return storedBestStreak == null ? 0 : storedBestStreak;
    }

    public double strength() {
        return HabitStrength.of(daysOrEmpty());
    }

    Map<String, DayCount> daysOrEmpty() {
        return days == null ? Map.of() : days;
    }

    /** Attempts and successes of one UTC day. */
    public record DayCount(int attempts, int successes) {}
}
