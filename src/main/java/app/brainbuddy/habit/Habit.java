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
 * A habit loop (trigger, routine, reward) with its interrupt protocol and attempt counters. Each
 * attempt is one atomic update of this one document: it enters {@code attempt_log} under its client
 * id only if that id is not there yet, and in the same step increments the counters and its day in
 * {@code days} (attempts per UTC day, keyed {@code yyyy-MM-dd}). So counters, days and log always
 * agree, a retry counts once, and there is no second write a crash could separate from the first.
 * Streaks depend on the order in time, which offline attempts do not arrive in: they are computed
 * from the log when read. {@code current_streak} and {@code best_streak} hold the streaks of attempts
 * recorded before the log existed, which come first.
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
        // the streaks of attempts recorded before the log; null in documents older than streaks
        @Field("current_streak") @Nullable Integer unloggedCurrentStreak,
        @Field("best_streak") @Nullable Integer unloggedBestStreak,

        @Field("last_attempt_at") @Nullable Instant lastAttemptAt,
        @Nullable Map<String, DayCount> days,
        @Field("attempt_log") @Nullable Map<String, LoggedAttempt> attemptLog,
        @Field("created_at") Instant createdAt)
        implements OwnedByUser {

    /** Null before the first attempt: no attempts is not a 0% success rate. */
    public @Nullable Double successRate() {
        return attemptCount == 0 ? null : (double) successCount / attemptCount;
    }

    public int currentStreak() {
        return streaks().current();
    }

    public int bestStreak() {
        return streaks().best();
    }

    HabitStreaks streaks() {
        HabitStreaks unlogged = new HabitStreaks(
                unloggedCurrentStreak == null ? 0 : unloggedCurrentStreak,
                unloggedBestStreak == null ? 0 : unloggedBestStreak);
        return unlogged.after(attemptLog == null ? Map.of() : attemptLog);
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
