package app.brainbuddy.session;

import app.brainbuddy.habit.InterruptDrill;
import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.mongo.StoredEnums;
import app.brainbuddy.session.RoutineLibrary.Routine;
import app.brainbuddy.session.RoutineSessionContent.HabitDrill;
import app.brainbuddy.session.RoutineSessionContent.Intensity;
import app.brainbuddy.session.RoutineSessionContent.RoutineBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Content of a movers, pfc_gym or mental_rehearsal session: the module's routines in an order shuffled
 * by the seed, demanding ones first inside the chronotype's peak window and light ones first outside
 * it, repeated as needed and cut so that the blocks add up to the session's duration exactly. A PFC gym
 * session for a person with a habit loop first rehearses that habit's own interrupt protocol.
 */
final class RoutineContent {

    /** A last block shorter than this is added to the block before it rather than started. */
    static final int SHORTEST_BLOCK_SECONDS = 30;

    /** The evidence behind rehearsing a habit's interrupt protocol: if-then plans for its trigger. */
    static final String DRILL_STIMULUS = "implementation_intentions";

    private RoutineContent() {}

    static GeneratedContent generate(ContentRequest request, List<Routine> library, List<BrainKnowledge> evidence) {
        if (library.isEmpty()) {
            throw new IllegalStateException("no routines for " + request.moduleType());
        }
        Timing timing = new Timing(request);
        List<Routine> order = shuffled(library, new SplittableRandom(request.seed()));
        order.sort(Comparator.comparing(routine -> routine.demanding() != timing.inPeak()));

        List<RoutineBlock> blocks = new ArrayList<>();
        Set<String> stimuli = new HashSet<>();
        int remaining = request.durationSeconds();
        InterruptDrill habit = request.habit();
        HabitDrill drill = null;
        if (habit != null) {
            List<BrainKnowledge> behind = evidence.stream()
                    .filter(entry -> entry.stimulusType().equals(DRILL_STIMULUS))
                    .toList();
            drill = new HabitDrill(
                    habit.habitId(), habit.trigger(), habit.technique(), habit.durationSeconds(), drillNote(behind));
            int seconds = blockSeconds(habit.durationSeconds(), remaining);
            blocks.add(new RoutineBlock(
                    "habit_interrupt",
                    "Interrupt drill: " + habit.technique(),
                    seconds,
                    Intensity.DEMANDING,
                    List.of(
                            "Picture your trigger as vividly as you can: " + habit.trigger() + ".",
                            "As the urge rises, start your interrupt: " + habit.technique() + ", for "
                                    + habit.durationSeconds() + " seconds.",
                            "Say your plan: 'If " + habit.trigger() + ", then I will " + habit.technique() + ".'")));
            stimuli.add(DRILL_STIMULUS);
            remaining -= seconds;
        }
        for (int i = 0; remaining > 0; i++) {
            Routine routine = order.get(i % order.size());
            int seconds = blockSeconds(routine.seconds(), remaining);
            blocks.add(new RoutineBlock(
                    routine.id(),
                    routine.title(),
                    seconds,
                    StoredEnums.parse(Intensity.class, routine.intensity()),
                    routine.steps()));
            stimuli.addAll(routine.evidence());
            remaining -= seconds;
        }

        Map<String, Object> content = new LinkedHashMap<>(StoredContent.write(new RoutineSessionContent(
                request.durationSeconds(),
                timing.inPeak() ? Intensity.DEMANDING : Intensity.LIGHT,
                blocks,
                drill,
                timing.describe())));
        content.put("timing", StoredContent.write(timing.describe()));
        content.put("seed", request.seed());
        return new GeneratedContent(
                content,
                Stream.concat(
                                evidence.stream().filter(entry -> stimuli.contains(entry.stimulusType())),
                                Timing.evidence(evidence).stream())
                        .map(BrainKnowledge::id)
                        .toList());
    }

    /** A block of this length, or all that is left when less than a short block would remain after it. */
    private static int blockSeconds(int wanted, int remaining) {
        int seconds = Math.min(wanted, remaining);
        return remaining - seconds < SHORTEST_BLOCK_SECONDS ? remaining : seconds;
    }

    private static String drillNote(List<BrainKnowledge> evidence) {
        String plan = "Rehearsing an if-then plan for the trigger is an implementation intention";
        return evidence.stream()
                .findFirst()
                .map(entry -> plan
                        + ": the knowledge base rates its effect on %s at %.2f of 1."
                                .formatted(entry.outcome().replace('_', ' '), entry.evidenceStrength()))
                .orElse(plan + ".");
    }

    private static List<Routine> shuffled(List<Routine> library, SplittableRandom random) {
        List<Routine> order = new ArrayList<>(library);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(j, order.set(i, order.get(j)));
        }
        return order;
    }
}
