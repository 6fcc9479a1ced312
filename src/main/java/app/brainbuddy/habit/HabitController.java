package app.brainbuddy.habit;

import app.brainbuddy.graphql.Loader;
import app.brainbuddy.graphql.ParentKey;
import app.brainbuddy.user.StatsScope;
import app.brainbuddy.user.User;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

@Controller
class HabitController {

    /** A user's habits, all or of one type: {@code User.habits} and {@code UserStats.habits}. */
    static final Loader<ParentKey<Optional<HabitType>>, List<Habit>> USER_HABITS = new Loader<>("userHabits");

    private final HabitService habits;

    HabitController(HabitService habits, BatchLoaderRegistry loaders) {
        this.habits = habits;
        USER_HABITS.register(loaders, habits::habitsOf);
    }

    @QueryMapping
    Habit habit(@Argument String id) {
        return habits.visibleHabit(id);
    }

    @MutationMapping
    Habit createHabit(@Argument @Valid CreateHabitInput input) {
        return habits.create(input);
    }

    @MutationMapping
    Habit updateHabit(@Argument @Valid UpdateHabitInput input) {
        return habits.update(input);
    }

    @MutationMapping
    String deleteHabit(@Argument String id) {
        return habits.delete(id);
    }

    @MutationMapping
    Habit recordHabitAttempt(@Argument HabitAttemptInput input) {
        return habits.recordAttempt(input);
    }

    @MutationMapping
    List<Habit> recordHabitAttempts(@Argument List<HabitAttemptInput> input) {
        return habits.recordAttempts(input);
    }

    @SubscriptionMapping
    Flux<Habit> habitChanged() {
        return habits.changes();
    }

    @SchemaMapping
    List<HabitDay> history(Habit habit, @Argument @Nullable Integer days) {
        return habits.history(habit, days);
    }

    /** Through the loader of {@code User.habits}: when a query asks for both, one read serves both. */
    @SchemaMapping(typeName = "UserStats", field = "habits")
    CompletableFuture<HabitTotals> habitTotals(StatsScope scope, DataFetchingEnvironment environment) {
        return USER_HABITS.load(environment, habits.allHabitsKey(scope)).thenApply(all -> habits.totals(all, scope));
    }

    @SchemaMapping(typeName = "User")
    CompletableFuture<List<Habit>> habits(
            User user, @Argument @Nullable HabitType habitType, DataFetchingEnvironment environment) {
        return USER_HABITS.load(environment, habits.habitsKey(user, habitType));
    }
}
