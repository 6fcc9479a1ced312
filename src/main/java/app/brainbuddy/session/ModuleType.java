package app.brainbuddy.session;

import org.jspecify.annotations.Nullable;

/** The kinds of training; stored lowercase ({@code "pfc_gym"}). */
public enum ModuleType {
    MOVERS,
    PFC_GYM,
    MENTAL_REHEARSAL,
    BRAINWAVE;

    /** Whether a session of this module may have this target: BRAINWAVE needs one, the others have none. */
    boolean fits(@Nullable BrainwaveTarget target) {
        return (this == BRAINWAVE) == (target != null);
    }
}
