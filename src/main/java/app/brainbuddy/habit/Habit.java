package app.brainbuddy.habit;

import app.brainbuddy.user.OwnedByUser;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A habit loop (trigger, routine, reward) with its interrupt protocol and attempt counters. The
 * counters, streaks and {@code days} (attempts per UTC day, keyed {@code yyyy-MM-dd}) change only
 * through atomic updates of this one document, so they always agree with each other.
 */
@Document("habits")
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
        // documents written before streaks were tracked have none yet
        @Field("current_streak") @Value("#root.current_streak ?: 0")
        int currentStreak,

        @Field("best_streak") @Value("#root.best_streak ?: 0")
        int bestStreak,

        @Field("last_attempt_at") @Nullable Instant lastAttemptAt,
        @Nullable Map<String, DayCount> days,
        @Field("created_at") Instant createdAt)
        implements OwnedByUser {

    /** Null before the first attempt: no attempts is not a 0% success rate. */
    public @Nullable Double successRate() {
        return attemptCount == 0 ? null : (double) successCount / attemptCount;
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
