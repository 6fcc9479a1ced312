package app.brainbuddy.model;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.TrainingOption;
import app.brainbuddy.user.Chronotype;
import app.brainbuddy.user.HourWindow;
import java.util.List;
import java.util.stream.Stream;

/**
 * When in the day each kind of session goes best. Alerting kinds (movers, PFC gym, mental rehearsal,
 * beta, gamma) belong in the chronotype's peak window: the knowledge base's scheduling evidence puts
 * demanding work at a person's circadian peak, and the beta and gamma studies ran the beats before or
 * during a task. Alpha is a calming session and goes after work, leaving the peak to demanding work.
 * Theta and delta go in the hour before the chronotype's usual bedtime: the theta insomnia study played
 * it before bed, the delta study during the first sleep cycle.
 */
final class TimingPlan {

    static final String SCHEDULING = "chronotype_aligned_scheduling";

    /** The three kinds of window. */
    enum Slot {
        PEAK,
        AFTER_WORK,
        BEFORE_SLEEP
    }

    private TimingPlan() {}

    static Slot slot(TrainingOption option) {
        BrainwaveTarget target = option.target();
        if (target == null) {
            return Slot.PEAK;
        }
        return switch (target) {
            case BETA, GAMMA -> Slot.PEAK;
            case ALPHA -> Slot.AFTER_WORK;
            case THETA, DELTA -> Slot.BEFORE_SLEEP;
        };
    }

    static HourWindow window(TrainingOption option, Chronotype chronotype) {
        int bedtime = bedtime(chronotype);
        return switch (slot(option)) {
            case PEAK -> chronotype.peak();
            case AFTER_WORK -> new HourWindow(bedtime - 5, bedtime - 2);
            case BEFORE_SLEEP -> new HourWindow(bedtime - 1, bedtime);
        };
    }

    /**
     * The usual bedtime hour of each type in Breus's schedule (lion 22:00, bear 23:00, wolf midnight,
     * dolphin 23:30, taken as 23:00 so that the hour before it is a whole hour).
     */
    static int bedtime(Chronotype chronotype) {
        return switch (chronotype) {
            case LION -> 22;
            case BEAR, DOLPHIN -> 23;
            case WOLF -> 24;
        };
    }

    /** The best window today for a kind of session, why, and the entries that say so. */
    static BestTime bestTime(
            TrainingOption option,
            Chronotype chronotype,
            List<BrainKnowledge> optionEvidence,
            List<BrainKnowledge> scheduling) {
        HourWindow window = window(option, chronotype);
        String type = chronotype.name().toLowerCase(java.util.Locale.ROOT);
        List<BrainKnowledge> studied = optionEvidence.stream()
                .filter(entry -> entry.stimulusParameters().get("timing") instanceof String)
                .toList();
        String studiedLine = studied.stream()
                .findFirst()
                .map(entry -> " The %s study ran it %s (%s)."
                        .formatted(
                                entry.outcome().replace('_', ' '),
                                ((String) entry.stimulusParameters().get("timing")).replace('_', ' '),
                                entry.shortCitation()))
                .orElse("");
        String schedulingCite = scheduling.stream()
                .findFirst()
                .map(entry -> " (%s, strength %.2f)".formatted(entry.shortCitation(), entry.evidenceStrength()))
                .orElse("");
        String why = switch (slot(option)) {
                    case PEAK ->
                        "Best in your %s peak window (%s): alerting, demanding training goes best at your circadian peak%s."
                                .formatted(type, window, schedulingCite);
                    case AFTER_WORK ->
                        "Best after work (%s): a calming session, kept out of your %s peak, which demanding training uses%s."
                                .formatted(window, type, schedulingCite);
                    case BEFORE_SLEEP -> "Best in the hour before your usual %s bedtime (%s).".formatted(type, window);
                }
                + studiedLine;
        List<BrainKnowledge> behind = slot(option) == Slot.BEFORE_SLEEP
                ? studied
                : Stream.concat(scheduling.stream(), studied.stream()).toList();
        return new BestTime(window, why, behind);
    }

    /** A window of local hours, the sentence that explains it, and its evidence. */
    record BestTime(HourWindow window, String why, List<BrainKnowledge> evidence) {}
}
