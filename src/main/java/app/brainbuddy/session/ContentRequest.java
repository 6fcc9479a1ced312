package app.brainbuddy.session;

import app.brainbuddy.habit.InterruptDrill;
import app.brainbuddy.user.Chronotype;
import org.jspecify.annotations.Nullable;

/**
 * What to generate content for: the session asked for (a beat frequency when the caller chose one),
 * who trains, at which local hour, from which seed; whether the listener has headphones; for a PFC gym
 * session, the person's habit whose interrupt protocol it rehearses.
 */
record ContentRequest(
        ModuleType moduleType,
        @Nullable BrainwaveTarget target,
        @Nullable Double frequency,
        int durationSeconds,
        Chronotype chronotype,
        int localHour,
        long seed,
        boolean headphones,
        @Nullable InterruptDrill habit) {}
