package app.brainbuddy.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Narrows a user's sessions; every part is optional and they combine with AND. */
record SessionFilter(
        @Nullable ModuleType moduleType,
        @Nullable BrainwaveTarget brainwaveTarget,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Boolean rated) {

    static final SessionFilter NONE = new SessionFilter(null, null, null, null, null);
}
