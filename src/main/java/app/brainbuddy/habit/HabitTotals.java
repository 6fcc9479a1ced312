package app.brainbuddy.habit;

import org.jspecify.annotations.Nullable;

/** A user's habits in sum over a period. */
record HabitTotals(int habitCount, int attempts, int successes, int bestStreak) {

    @Nullable
    public Double successRate() {
        return attempts == 0 ? null : (double) successes / attempts;
    }
}
