package app.brainbuddy.habit;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.ParentKey;
import app.brainbuddy.graphql.PersonLimits;
import app.brainbuddy.live.LiveEvents;
import app.brainbuddy.live.Topic;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.Scope;
import app.brainbuddy.user.StatsScope;
import app.brainbuddy.user.User;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

@Service
public class HabitService {

    static final int DEFAULT_HISTORY_DAYS = 30;
    static final int MAX_HISTORY_DAYS = 366;
    static final int RECENT_DAYS = 14;
    private static final Sort OLDEST_FIRST = Sort.by("createdAt", "id");

    private final HabitRepository habits;
    private final HabitAttempts attempts;
    private final HabitStore store;
    private final CurrentUser currentUser;
    private final PersonLimits limits;
    private final LiveEvents live;
    private final Clock clock;

    HabitService(
            HabitRepository habits,
            HabitAttempts attempts,
            HabitStore store,
            CurrentUser currentUser,
            PersonLimits limits,
            LiveEvents live,
            Clock clock) {
        this.live = live;
        this.habits = habits;
        this.limits = limits;
        this.attempts = attempts;
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * A new habit, unless the person has as many as they may (the cost model counts with that many).
     * Two creates racing past the count can overshoot by the requests a person has in flight.
     */
    Habit create(CreateHabitInput input) {
        String userId = currentUser.requireAccount();
        long owned = store.countOf(userId);
        if (owned >= limits.habits()) {
            throw ApiException.forbidden(
                    "You have %d habits, the most one person may have (brainbuddy.person.habits); delete one first"
                            .formatted(owned));
        }
        Habit habit = new Habit(
                new ObjectId().toHexString(),
                userId,
                input.habitType(),
                input.trigger().strip(),
                input.routine().strip(),
                input.reward().strip(),
                input.interruptProtocol().stripped(),
                0,
                0,
                0,
                0,
                null,
                Map.of(),
                Map.of(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return announced(habits.insert(habit));
    }

    Habit update(UpdateHabitInput input) {
        Habit updated = store.update(currentUser.requireAccount(), input);
        if (updated == null) {
            throw ApiException.notFound("Habit", input.id());
        }
        return announced(updated);
    }

    String delete(String id) {
        if (!store.delete(currentUser.requireAccount(), id)) {
            throw ApiException.notFound("Habit", id);
        }
        return id;
    }

    Habit recordAttempt(HabitAttemptInput input) {
        return announced(attempts.record(currentUser.requireAccount(), input)
                .orElseThrow(() -> ApiException.notFound("Habit", input.habitId())));
    }

    List<Habit> recordAttempts(List<HabitAttemptInput> inputs) {
        List<Habit> recorded = attempts.recordAll(currentUser.requireAccount(), inputs);
        // each habit once, as it stands after the whole batch
        recorded.stream()
                .collect(
                        Collectors.toMap(Habit::id, Function.identity(), (earlier, later) -> later, LinkedHashMap::new))
                .values()
                .forEach(this::announced);
        return recorded;
    }

    /** The caller's habits as they change, from now on. */
    Flux<Habit> changes() {
        return live.of(currentUser.requireShared(Scope.HABITS_READ), Topic.HABIT, Habit.class);
    }

    private Habit announced(Habit habit) {
        live.publish(habit.userId(), Topic.HABIT, () -> habit);
        return habit;
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

    /**
     * The habit loop a PFC gym session should rehearse: the one asked for (any of the user's habits;
     * another user's answers NOT_FOUND), else the NEGATIVE_LOOP habit with the lowest success over the
     * last {@value #RECENT_DAYS} days (its whole history when it has no recent attempts; never
     * practised counts as 0), the oldest on a tie; empty for a user without habit loops.
     */
    public Optional<InterruptDrill> drillFor(String userId, @Nullable String habitId) {
        Optional<Habit> chosen;
        if (habitId != null) {
            chosen = Optional.of(habits.findByIdAndUserId(habitId, userId)
                    .orElseThrow(() -> ApiException.notFound("Habit", habitId)));
        } else {
            LocalDate since =
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(RECENT_DAYS - 1);
            chosen = habits.findByUserIdInAndHabitType(List.of(userId), HabitType.NEGATIVE_LOOP, OLDEST_FIRST).stream()
                    .min(Comparator.comparingDouble(habit -> recentSuccess(habit, since)));
        }
        return chosen.map(habit -> new InterruptDrill(
                habit.id(),
                habit.trigger(),
                habit.interruptProtocol().technique(),
                habit.interruptProtocol().durationSeconds()));
    }

    private static double recentSuccess(Habit habit, LocalDate since) {
        int attempts = 0;
        int successes = 0;
        for (Map.Entry<String, Habit.DayCount> day : habit.daysOrEmpty().entrySet()) {
            if (!LocalDate.parse(day.getKey()).isBefore(since)) {
                attempts += day.getValue().attempts();
                successes += day.getValue().successes();
            }
        }
        if (attempts > 0) {
            return (double) successes / attempts;
        }
        Double overall = habit.successRate();
        return overall == null ? 0 : overall;
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
}
