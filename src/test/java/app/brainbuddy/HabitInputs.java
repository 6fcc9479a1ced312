package app.brainbuddy;

import java.util.Map;

/** {@code CreateHabitInput}s the tests create habits with, as GraphQL variables. */
public final class HabitInputs {

    private HabitInputs() {}

    /** A bad loop to interrupt: stress, then scrolling, for distraction; box breathing for a minute. */
    public static Map<String, Object> negativeLoop(String trigger) {
        return Map.of(
                "habitType", "NEGATIVE_LOOP",
                "trigger", trigger,
                "routine", "scrolling",
                "reward", "distraction",
                "interruptProtocol", Map.of("technique", "box_breathing", "durationSeconds", 60));
    }

    /** A good routine to keep: coffee, then ten deep breaths, for calm. */
    public static Map<String, Object> positiveRoutine() {
        return Map.of(
                "habitType", "POSITIVE_ROUTINE",
                "trigger", "coffee",
                "routine", "ten deep breaths",
                "reward", "calm",
                "interruptProtocol", Map.of("technique", "box_breathing", "durationSeconds", 60));
    }
}
