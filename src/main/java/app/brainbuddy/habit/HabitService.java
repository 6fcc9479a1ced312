package app.brainbuddy.habit;

import app.brainbuddy.auth.CurrentUser;
import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.ParentKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

@Service
public class HabitService {

    private static final Sort OLDEST_FIRST = Sort.by("createdAt", "id");

    private final HabitRepository habits;
    private final CurrentUser currentUser;

    HabitService(HabitRepository habits, CurrentUser currentUser) {
        this.habits = habits;
        this.currentUser = currentUser;
    }

    Habit create(CreateHabitInput input) {
        Habit habit = new Habit(
                new ObjectId().toHexString(),
                currentUser.id(),
                input.habitType(),
                input.trigger().strip(),
                input.routine().strip(),
                input.reward().strip(),
                new InterruptProtocol(
                        input.interruptProtocol().technique().strip(),
                        input.interruptProtocol().durationSeconds()),
                0,
                0,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return habits.insert(habit);
    }

    /** The caller's own habit; another user's answers exactly like a missing one. */
    Habit visibleHabit(String id) {
        String callerId = currentUser.id();
        return habits.findById(id)
                .filter(habit -> habit.userId().equals(callerId))
                .orElseThrow(() -> ApiException.notFound("Habit", id));
    }

    /** One query per distinct habit type asked for, whatever the number of users. */
    Map<ParentKey<Optional<HabitType>>, List<Habit>> habitsOf(Set<ParentKey<Optional<HabitType>>> keys) {
        return ParentKey.loadByArguments(keys, (userIds, habitType) -> {
            List<Habit> found = habitType
                    .map(type -> habits.findByUserIdInAndHabitType(userIds, type, OLDEST_FIRST))
                    .orElseGet(() -> habits.findByUserIdIn(userIds, OLDEST_FIRST));
            Map<String, List<Habit>> byUser = found.stream().collect(Collectors.groupingBy(Habit::userId));
            return userIds.stream()
                    .distinct()
                    .collect(Collectors.toMap(Function.identity(), userId -> byUser.getOrDefault(userId, List.of())));
        });
    }
}
