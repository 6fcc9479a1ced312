package app.brainbuddy.session;

import org.jspecify.annotations.Nullable;

/** The GraphQL {@code ModuleStats}: a user's sessions of one module; averages are null when none is rated. */
record ModuleStats(
        ModuleType moduleType,
        int count,
        long totalSeconds,
        @Nullable Double averageRating,
        @Nullable Double averageEffectiveness) {}
