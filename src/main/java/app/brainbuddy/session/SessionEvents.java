package app.brainbuddy.session;

import app.brainbuddy.live.LiveEvents;
import app.brainbuddy.live.Topic;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.Scope;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** A stored or rated session, announced to its owner's subscribers; and what they receive. */
@Component
class SessionEvents {

    private final LiveEvents live;
    private final CurrentUser currentUser;

    SessionEvents(LiveEvents live, CurrentUser currentUser) {
        this.live = live;
        this.currentUser = currentUser;
    }

    TrainingSession announced(TrainingSession session) {
        live.publish(session.userId(), Topic.SESSION, () -> session);
        return session;
    }

    List<TrainingSession> announced(List<TrainingSession> sessions) {
        sessions.forEach(this::announced);
        return sessions;
    }

    /** The caller's sessions as they are stored or rated, from now on. */
    Flux<TrainingSession> changes() {
        return live.of(currentUser.requireShared(Scope.SESSIONS_READ), Topic.SESSION, TrainingSession.class);
    }
}
