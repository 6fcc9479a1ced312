package app.brainbuddy.session;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.mongo.StoredEnums;
import app.brainbuddy.user.HourWindow;
import java.util.List;

/**
 * When the user trains relative to their chronotype's peak: the knowledge base supports scheduling
 * demanding work at a person's circadian peak, so content leans demanding inside it and lighter outside.
 */
record Timing(ContentRequest request) {

    static final String STIMULUS = "chronotype_aligned_scheduling";

    boolean inPeak() {
        return peak().contains(request.localHour());
    }

    TimingAdvice describe() {
        String chronotype = StoredEnums.stored(request.chronotype());
        String advice = inPeak()
                ? "You are inside your %s peak window (%s): a good time for demanding training."
                        .formatted(chronotype, peak())
                : "You are outside your %s peak window (%s): this session leans on lighter work; demanding training goes best inside the window."
                        .formatted(chronotype, peak());
        return new TimingAdvice(chronotype, request.localHour(), peak().toString(), inPeak(), advice);
    }

    /** The knowledge entries that ground this timing advice. */
    static List<BrainKnowledge> evidence(List<BrainKnowledge> evidence) {
        return evidence.stream()
                .filter(entry -> entry.stimulusType().equals(STIMULUS))
                .toList();
    }

    private HourWindow peak() {
        return request.chronotype().peak();
    }
}
