package app.brainbuddy.session;

import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Loader;
import app.brainbuddy.graphql.ParentKey;
import app.brainbuddy.graphql.QueryCost;
import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.user.StatsScope;
import app.brainbuddy.user.User;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

@Controller
class TrainingSessionController {

    /** A page of a user's sessions: {@code User.sessions}. */
    static final Loader<ParentKey<SessionsArguments>, Connection<TrainingSession>> USER_SESSIONS =
            new Loader<>("userSessions");

    /** A user's session totals in a period: the session fields of {@code UserStats}. */
    static final Loader<StatsScope, SessionTotals> SESSION_STATS = new Loader<>("sessionStats");

    private final SessionService sessions;
    private final SessionRatings ratings;
    private final SessionEvents events;

    TrainingSessionController(
            SessionService sessions, SessionRatings ratings, SessionEvents events, BatchLoaderRegistry loaders) {
        this.sessions = sessions;
        this.ratings = ratings;
        this.events = events;
        USER_SESSIONS.register(loaders, sessions::pages);
        SESSION_STATS.register(loaders, sessions::totals);
    }

    @QueryMapping
    TrainingSession session(@Argument String id) {
        return sessions.visibleSession(id);
    }

    @MutationMapping
    TrainingSession startSession(@Argument @Valid StartSessionInput input) {
        return events.announced(sessions.start(input));
    }

    @MutationMapping
    List<TrainingSession> recordSessions(
            @Argument @Size(max = SessionLimits.BATCH_ITEMS) List<@Valid RecordSessionInput> input) {
        return events.announced(ratings.record(input));
    }

    @MutationMapping
    TrainingSession rateSession(@Argument @Valid RateSessionInput input) {
        return events.announced(ratings.rate(input));
    }

    @SubscriptionMapping
    Flux<TrainingSession> sessionChanged() {
        return events.changes();
    }

    @SchemaMapping(typeName = "User")
    CompletableFuture<Connection<TrainingSession>> sessions(
            User user,
            @Argument @Nullable SessionFilter filter,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataFetchingEnvironment environment) {
        return USER_SESSIONS.load(
                environment,
                sessions.pageKey(
                        user, filter, first, after, OptionalSessionField.selectedIn(environment.getSelectionSet())));
    }

    @SchemaMapping(typeName = "TrainingSession")
    SessionContent content(TrainingSession session) {
        return sessions.contentOf(session);
    }

    @BatchMapping(typeName = "TrainingSession")
    List<List<BrainKnowledge>> evidence(List<TrainingSession> trainingSessions) {
        return sessions.evidence(trainingSessions);
    }

    @SchemaMapping(typeName = "UserStats")
    CompletableFuture<List<ModuleStats>> byModule(StatsScope scope, DataFetchingEnvironment environment) {
        return SESSION_STATS.load(environment, scope).thenApply(SessionTotals::byModule);
    }

    @SchemaMapping(typeName = "UserStats")
    CompletableFuture<List<TargetStats>> byTarget(StatsScope scope, DataFetchingEnvironment environment) {
        return SESSION_STATS.load(environment, scope).thenApply(SessionTotals::byTarget);
    }

    @SchemaMapping(typeName = "UserStats")
    CompletableFuture<List<WeekStats>> weekly(
            StatsScope scope,
            @Argument @Nullable @Min(1) @Max(QueryCost.MAX_WEEKS) Integer last,
            DataFetchingEnvironment environment) {
        return SESSION_STATS
                .load(environment, scope)
                .thenApply(totals -> totals.latestWeeks(last == null ? QueryCost.DEFAULT_WEEKS : last));
    }
}
