package app.brainbuddy.habit;

import java.util.Map;
import java.util.TreeMap;

/**
 * How established a habit is, from 0 to 1: an exponential moving average of each day's success
 * fraction, as the Loop Habit Tracker computes its habit score. Each day with attempts moves the
 * strength a twentieth of the way towards that day's result, so it rises with successes, decays
 * with misses, and one bad day after a long record costs about 5%. Days without attempts leave it
 * unchanged: no attempt means no trigger to interrupt or no record, not a miss.
 */
final class HabitStrength {

    /** Loop Habit Tracker's multiplier for a daily habit: half of the weight is in the last 13 days. */
    static final double DAILY_MULTIPLIER = Math.pow(0.5, 1.0 / 13.0);

    private HabitStrength() {}

    static double of(Map<String, Habit.DayCount> days) {
        double strength = 0;
        // ISO dates sort chronologically as text
        for (Habit.DayCount day : new TreeMap<>(days).values()) {
            if (day.attempts() > 0) {
                double result = Math.min(1.0, (double) day.successes() / day.attempts());
                strength = strength * DAILY_MULTIPLIER + (1 - DAILY_MULTIPLIER) * result;
            }
        }
        return strength;
    }
}
