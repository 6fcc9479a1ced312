package app.brainbuddy;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.session.SessionRatingListener;
import app.brainbuddy.session.TrainingSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;

/** Hears every rating handed to the personal model's seam, so tests can see what was handed over. */
@TestComponent
public class RecordedRatings implements SessionRatingListener {

    private final List<TrainingSession> rated = new CopyOnWriteArrayList<>();

    @Override
    public void rated(List<TrainingSession> sessions) {
        assertThat(sessions)
                .isNotEmpty()
                .extracting(TrainingSession::userId)
                .containsOnly(sessions.get(0).userId());
        rated.addAll(sessions);
    }

    /** The ratings handed over for one user's sessions, in order. */
    public List<TrainingSession> of(String userId) {
        return rated.stream().filter(session -> session.userId().equals(userId)).toList();
    }
}
