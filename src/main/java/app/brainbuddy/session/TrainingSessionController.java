package app.brainbuddy.session;

import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.ParentKey;
import app.brainbuddy.graphql.QueryCost;
import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.user.StatsScope;
import app.brainbuddy.user.User;
import graphql.schema.DataFetchingFieldSelectionSet;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class TrainingSessionController {

    private final SessionService sessions;
    private final SessionRatings ratings;

    TrainingSessionController(SessionService sessions, SessionRatings ratings, BatchLoaderRegistry loaders) {
        this.sessions = sessions;
        this.ratings = ratings;
        loaders.<ParentKey<SessionsArguments>, Connection<TrainingSession>>forName("userSessions")
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> sessions.pages(keys)));
        loaders.<StatsScope, SessionTotals>forName("sessionStats")
                .registerMappedBatchLoader((scopes, environment) -> Mono.fromCallable(() -> sessions.totals(scopes)));
    }

    @QueryMapping
    TrainingSession session(@Argument String id) {
        return sessions.visibleSession(id);
    }

    @MutationMapping
    TrainingSession startSession(@Argument @Valid StartSessionInput input) {
        return sessions.start(input);
    }

    @MutationMapping
    List<TrainingSession> recordSessions(
            @Argument @Size(max = SessionLimits.BATCH_ITEMS) List<@Valid RecordSessionInput> input) {
        return ratings.record(input);
    }

    @MutationMapping
    TrainingSession rateSession(@Argument @Valid RateSessionInput input) {
        return ratings.rate(input);
    }

    @SchemaMapping(typeName = "User")
    CompletableFuture<Connection<TrainingSession>> sessions(
            User user,
            @Argument @Nullable SessionFilter filter,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataFetchingFieldSelectionSet selection,
            DataLoader<ParentKey<SessionsArguments>, Connection<TrainingSession>> userSessions) {
        return userSessions.load(
                sessions.pageKey(user, filter, first, after, OptionalSessionField.selectedIn(selection)));
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
    CompletableFuture<List<ModuleStats>> byModule(
            StatsScope scope, DataLoader<StatsScope, SessionTotals> sessionStats) {
        return sessionStats.load(scope).thenApply(SessionTotals::byModule);
    }

    @SchemaMapping(typeName = "UserStats")
    CompletableFuture<List<TargetStats>> byTarget(
            StatsScope scope, DataLoader<StatsScope, SessionTotals> sessionStats) {
        return sessionStats.load(scope).thenApply(SessionTotals::byTarget);
    }

    @SchemaMapping(typeName = "UserStats")
    CompletableFuture<List<WeekStats>> weekly(
            StatsScope scope,
            @Argument @Nullable @Min(1) @Max(QueryCost.MAX_WEEKS) Integer last,
            DataLoader<StatsScope, SessionTotals> sessionStats) {
        return sessionStats
                .load(scope)
                .thenApply(totals -> totals.latestWeeks(last == null ? QueryCost.DEFAULT_WEEKS : last));
    }
}
