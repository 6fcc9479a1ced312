package app.brainbuddy.session;

import app.brainbuddy.auth.CurrentUser;
import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.graphql.ParentKey;
import app.brainbuddy.user.Scope;
import app.brainbuddy.user.User;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

@Service
public class SessionService {

    private final SessionRepository sessions;
    private final SessionPages pages;
    private final CurrentUser currentUser;
    private final Clock clock;

    SessionService(SessionRepository sessions, SessionPages pages, CurrentUser currentUser, Clock clock) {
        this.sessions = sessions;
        this.pages = pages;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    TrainingSession start(StartSessionInput input) {
        TrainingSession session = new TrainingSession(
                new ObjectId().toHexString(),
                currentUser.requireAccount(),
                input.moduleType(),
                input.brainwaveTarget(),
                Map.of("duration", input.durationSeconds()),
                null,
                null,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                input.durationSeconds());
        return sessions.insert(session);
    }

    /** The caller's own session; another user's answers exactly like a missing one. */
    TrainingSession visibleSession(String id) {
        return sessions.findByIdAndUserId(id, currentUser.requireShared(Scope.SESSIONS_READ))
                .orElseThrow(() -> ApiException.notFound("Session", id));
    }

    /** The loader key of {@code user.sessions(filter, first, after)}, once the caller may read sessions. */
    ParentKey<SessionsArguments> pageKey(
            User user, @Nullable SessionFilter filter, @Nullable Integer first, @Nullable String after) {
        currentUser.requireSharedWithIntegration(Scope.SESSIONS_READ);
        return new ParentKey<>(
                user.id(),
                new SessionsArguments(filter == null ? SessionFilter.NONE : filter, Page.of("sessions", first, after)));
    }

    /** Everything stored about the user's sessions, newest first: for their data export. */
    public List<TrainingSession> exportOf(String userId) {
        return sessions.findByUserIdOrderByTimestampDesc(userId);
    }

    public void deleteAllOf(String userId) {
        sessions.deleteByUserId(userId);
    }

    /** One aggregation per distinct set of arguments, whatever the number of users. */
    Map<ParentKey<SessionsArguments>, Connection<TrainingSession>> pages(Set<ParentKey<SessionsArguments>> keys) {
        return ParentKey.loadByArguments(keys, (userIds, arguments) -> {
            Map<String, List<TrainingSession>> byUser = pages.pages(userIds, arguments.filter(), arguments.page());
            return userIds.stream()
                    .collect(Collectors.toMap(
                            Function.identity(),
                            userId -> Connection.of(
                                    byUser.getOrDefault(userId, List.of()),
                                    arguments.page(),
                                    session -> arguments.page().cursor(session.timestamp(), session.id())),
                            (same, alsoSame) -> same));
        });
    }
}
