package app.brainbuddy.session;

import app.brainbuddy.auth.CurrentUser;
import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Cursor;
import app.brainbuddy.graphql.ParentKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

@Service
public class SessionService {

    private final SessionRepository sessions;
    private final SessionPages pages;
    private final CurrentUser currentUser;

    SessionService(SessionRepository sessions, SessionPages pages, CurrentUser currentUser) {
        this.sessions = sessions;
        this.pages = pages;
        this.currentUser = currentUser;
    }

    TrainingSession start(StartSessionInput input) {
        TrainingSession session = new TrainingSession(
                new ObjectId().toHexString(),
                currentUser.id(),
                input.moduleType(),
                input.brainwaveTarget(),
                Map.of("duration", input.durationSeconds()),
                null,
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                input.durationSeconds());
        return sessions.insert(session);
    }

    /** The caller's own session; another user's answers exactly like a missing one. */
    TrainingSession visibleSession(String id) {
        String callerId = currentUser.id();
        return sessions.findById(id)
                .filter(session -> session.userId().equals(callerId))
                .orElseThrow(() -> ApiException.notFound("Session", id));
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
                                    session -> Cursor.of(session.timestamp(), session.id())),
                            (same, alsoSame) -> same));
        });
    }
}
