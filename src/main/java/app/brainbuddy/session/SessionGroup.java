package app.brainbuddy.session;

import org.jspecify.annotations.Nullable;

/**
 * Statistics of a group of sessions: those of one module, one brainwave target or one ISO week. The
 * GraphQL types {@code ModuleStats}, {@code TargetStats} and {@code WeekStats} each show their key
 * and the figures they declare. Averages are null when no session of the group is rated.
 */
record SessionGroup(
        @Nullable ModuleType moduleType,
        @Nullable BrainwaveTarget brainwaveTarget,
        @Nullable String week,
        int count,
        long totalSeconds,
        @Nullable Double averageRating,
        @Nullable Double averageEffectiveness) {}
