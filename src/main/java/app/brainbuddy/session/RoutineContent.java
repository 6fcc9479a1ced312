package app.brainbuddy.session;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.RoutineLibrary.Routine;
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
 * it, repeated as needed and cut so that the blocks add up to the session's duration exactly.
 */
final class RoutineContent {

    /** A last block shorter than this is added to the block before it rather than started. */
    static final int SHORTEST_BLOCK_SECONDS = 30;

    private RoutineContent() {}

    static GeneratedContent generate(ContentRequest request, List<Routine> library, List<BrainKnowledge> evidence) {
        if (library.isEmpty()) {
            throw new IllegalStateException("no routines for " + request.moduleType());
        }
        Timing timing = new Timing(request);
        List<Routine> order = shuffled(library, new SplittableRandom(request.seed()));
        order.sort(Comparator.comparing(routine -> routine.demanding() != timing.inPeak()));

        List<Map<String, Object>> blocks = new ArrayList<>();
        Set<String> stimuli = new HashSet<>();
        int remaining = request.durationSeconds();
        for (int i = 0; remaining > 0; i++) {
            Routine routine = order.get(i % order.size());
            int seconds = Math.min(routine.seconds(), remaining);
            if (remaining - seconds < SHORTEST_BLOCK_SECONDS) {
                seconds = remaining;
            }
            blocks.add(Map.of(
                    "id", routine.id(),
                    "title", routine.title(),
                    "seconds", seconds,
                    "intensity", routine.intensity(),
                    "steps", routine.steps()));
            stimuli.addAll(routine.evidence());
            remaining -= seconds;
        }

        Map<String, Object> content = new LinkedHashMap<>();
        content.put("duration", request.durationSeconds());
        content.put("intensity", timing.inPeak() ? "demanding" : "light");
        content.put("routine", blocks);
        content.put("timing", timing.describe());
        content.put("seed", request.seed());
        return new GeneratedContent(
                content,
                Stream.concat(
                                evidence.stream().filter(entry -> stimuli.contains(entry.stimulusType())),
                                Timing.evidence(evidence).stream())
                        .map(BrainKnowledge::id)
                        .toList());
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
