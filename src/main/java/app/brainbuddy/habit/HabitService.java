package app.brainbuddy.habit;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.ParentKey;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.Scope;
import app.brainbuddy.user.StatsScope;
import app.brainbuddy.user.User;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

@Service
public class HabitService {

    static final int DEFAULT_HISTORY_DAYS = 30;
    static final int MAX_HISTORY_DAYS = 366;
    private static final Sort OLDEST_FIRST = Sort.by("createdAt", "id");

    private final HabitRepository habits;
    private final HabitAttempts attempts;
    private final MongoTemplate mongo;
    private final CurrentUser currentUser;
    private final Clock clock;

    HabitService(
            HabitRepository habits, HabitAttempts attempts, MongoTemplate mongo, CurrentUser currentUser, Clock clock) {
        this.habits = habits;
        this.attempts = attempts;
        this.mongo = mongo;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    Habit create(CreateHabitInput input) {
        Habit habit = new Habit(
                new ObjectId().toHexString(),
                currentUser.requireAccount(),
                input.habitType(),
                input.trigger().strip(),
                input.routine().strip(),
                input.reward().strip(),
                stripped(input.interruptProtocol()),
                0,
                0,
                0,
                0,
                null,
                Map.of(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return habits.insert(habit);
    }

    Habit update(UpdateHabitInput input) {
        Update update = new Update();
        if (input.habitType() != null) {
            update.set("habit_type", input.habitType());
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
            update.set("interrupt_protocol", stripped(input.interruptProtocol()));
        }
        Habit updated = mongo.findAndModify(
                HabitQueries.owned(currentUser.requireAccount(), input.id()),
                update,
                FindAndModifyOptions.options().returnNew(true),
                Habit.class);
        if (updated == null) {
            throw ApiException.notFound("Habit", input.id());
        }
        return updated;
    }

    String delete(String id) {
        if (mongo.remove(HabitQueries.owned(currentUser.requireAccount(), id), Habit.class)
                        .getDeletedCount()
                == 0) {
            throw ApiException.notFound("Habit", id);
        }
        return id;
    }

    Habit recordAttempt(HabitAttemptInput input) {
        return attempts.record(currentUser.requireAccount(), input.habitId(), input.success())
                .orElseThrow(() -> ApiException.notFound("Habit", input.habitId()));
    }

    /** The caller's own habit; another user's answers exactly like a missing one. */
    Habit visibleHabit(String id) {
        return habits.findByIdAndUserId(id, currentUser.requireShared(Scope.HABITS_READ))
                .orElseThrow(() -> ApiException.notFound("Habit", id));
    }

    /** The last {@code days} UTC days (30 when null) up to today, oldest first, days without attempts included. */
    List<HabitDay> history(Habit habit, @Nullable Integer requestedDays) {
        int days = requestedDays == null ? DEFAULT_HISTORY_DAYS : requestedDays;
        if (days < 1 || days > MAX_HISTORY_DAYS) {
            throw ApiException.badRequest("days must be between 1 and " + MAX_HISTORY_DAYS + ", was " + days);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, Habit.DayCount> counted = habit.daysOrEmpty();
        return IntStream.range(0, days)
                .mapToObj(back -> today.minusDays(days - 1 - back))
                .map(date -> {
                    Habit.DayCount count = counted.getOrDefault(date.toString(), new Habit.DayCount(0, 0));
                    return new HabitDay(date, count.attempts(), count.successes());
                })
                .toList();
    }

    /** The loader key of {@code user.habits(habitType)}, once the caller may read habits. */
    ParentKey<Optional<HabitType>> habitsKey(User user, @Nullable HabitType habitType) {
        currentUser.requireSharedWithIntegration(Scope.HABITS_READ);
        return new ParentKey<>(user.id(), Optional.ofNullable(habitType));
    }

    /** Everything stored about the user's habits: for their data export. */
    public List<Habit> exportOf(String userId) {
        return habits.findByUserIdIn(List.of(userId), OLDEST_FIRST);
    }

    public void deleteAllOf(String userId) {
        habits.deleteByUserId(userId);
    }

    /** One query per distinct habit type asked for, whatever the number of users. */
    Map<ParentKey<Optional<HabitType>>, List<Habit>> habitsOf(Set<ParentKey<Optional<HabitType>>> keys) {
        return ParentKey.loadByArguments(keys, (userIds, habitType) -> {
            List<Habit> found = habitType
                    .map(type -> habits.findByUserIdInAndHabitType(userIds, type, OLDEST_FIRST))
                    .orElseGet(() -> habits.findByUserIdIn(userIds, OLDEST_FIRST));
            return byUser(userIds, found);
        });
    }

    /** The loader key of all the user's habits, for stats whose scope was already authorised. */
    ParentKey<Optional<HabitType>> allHabitsKey(StatsScope scope) {
        return new ParentKey<>(scope.userId(), Optional.empty());
    }

    /** A user's habit totals; attempts count by UTC day within the scope. */
    HabitTotals totals(List<Habit> habits, StatsScope scope) {
        boolean wholeHistory = scope.from() == null && scope.to() == null;
        int attempts = 0;
        int successes = 0;
        for (Habit habit : habits) {
            for (Map.Entry<String, Habit.DayCount> day : habit.daysOrEmpty().entrySet()) {
                if (wholeHistory || scope.includesDay(LocalDate.parse(day.getKey()))) {
                    attempts += day.getValue().attempts();
                    successes += day.getValue().successes();
                }
            }
        }
        int bestStreak = habits.stream().mapToInt(Habit::bestStreak).max().orElse(0);
        return new HabitTotals(habits.size(), attempts, successes, bestStreak);
    }

    private static Map<String, List<Habit>> byUser(List<String> userIds, List<Habit> found) {
        Map<String, List<Habit>> grouped = found.stream().collect(Collectors.groupingBy(Habit::userId));
        return userIds.stream()
                .distinct()
                .collect(Collectors.toMap(Function.identity(), userId -> grouped.getOrDefault(userId, List.of())));
    }

    private static InterruptProtocol stripped(InterruptProtocol protocol) {
        return new InterruptProtocol(protocol.technique().strip(), protocol.durationSeconds());
    }
}
