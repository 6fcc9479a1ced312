package app.brainbuddy.session;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A movers, PFC gym or mental rehearsal session: timed blocks that add up to the session. */
public record RoutineSessionContent(
        int durationSeconds,
        Intensity intensity,
        List<RoutineBlock> blocks,
        @Nullable HabitDrill habitDrill,
        @Nullable TimingAdvice timing)
        implements SessionContent {

    /** How demanding a routine is; stored lowercase. */
    public enum Intensity {
        LIGHT,
        DEMANDING
    }

    /** One timed block of a routine. */
    public record RoutineBlock(String id, String title, int seconds, Intensity intensity, List<String> steps) {}

    /** The person's own habit whose interrupt protocol a PFC gym session rehearses first. */
    public record HabitDrill(
            String habitId, String trigger, String technique, int durationSeconds, String evidenceNote) {}
}
