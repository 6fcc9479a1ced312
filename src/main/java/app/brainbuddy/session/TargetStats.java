package app.brainbuddy.session;

import org.jspecify.annotations.Nullable;

/** The GraphQL {@code TargetStats}: a user's sessions aimed at one band; averages are null when none is rated. */
record TargetStats(
        BrainwaveTarget brainwaveTarget,
        int count,
        long totalSeconds,
        @Nullable Double averageRating,
        @Nullable Double averageEffectiveness) {}
