package app.brainbuddy.session;

import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.ParentKey;
import app.brainbuddy.user.User;
import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class TrainingSessionController {

    private final SessionService sessions;

    TrainingSessionController(SessionService sessions, BatchLoaderRegistry loaders) {
        this.sessions = sessions;
        loaders.<ParentKey<SessionsArguments>, Connection<TrainingSession>>forName("userSessions")
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> sessions.pages(keys)));
    }

    @QueryMapping
    TrainingSession session(@Argument String id) {
        return sessions.visibleSession(id);
    }

    @MutationMapping
    TrainingSession startSession(@Argument @Valid StartSessionInput input) {
        return sessions.start(input);
    }

    @SchemaMapping(typeName = "User")
    CompletableFuture<Connection<TrainingSession>> sessions(
            User user,
            @Argument @Nullable SessionFilter filter,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataLoader<ParentKey<SessionsArguments>, Connection<TrainingSession>> userSessions) {
        return userSessions.load(sessions.pageKey(user, filter, first, after));
    }
}
