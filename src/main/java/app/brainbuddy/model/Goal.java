package app.brainbuddy.model;

import app.brainbuddy.knowledge.BrainKnowledge;
import java.util.List;
import java.util.Set;

/**
 * What a person trains for, as the knowledge base's outcomes that measure it. A kind of session
 * serves a goal when one of its evidence entries reports one of these outcomes; docs/personal-model.md
 * lists the entries behind each goal.
 */
public enum Goal {
    /** Attention: the focus studies (alpha 10 Hz, gamma 40 Hz) and acute exercise on executive function. */
    FOCUS(Set.of("increased_focus", "improved_executive_function")),
    /** Less anxiety and stress, and the heart-rate variability of slow breathing. */
    CALM(Set.of("reduced_anxiety", "reduced_state_anxiety", "reduced_stress_anxiety", "increased_hrv")),
    /** Deep sleep (delta during sleep) and insomnia (theta before bed). */
    SLEEP(Set.of("increased_deep_sleep", "reduced_insomnia_severity")),
    /**
     * Alertness: the knowledge base has no entry on energy itself; the nearest is an acute bout of
     * light to moderate exercise improving executive function.
     */
    ENERGY(Set.of("improved_executive_function")),
    /** Long-term memory (beta 20 Hz before learning) and skill memory from motor imagery. */
    MEMORY(Set.of("improved_long_term_memory", "improved_motor_performance"));

    private final Set<String> outcomes;

    Goal(Set<String> outcomes) {
        this.outcomes = outcomes;
    }

    Set<String> outcomes() {
        return outcomes;
    }

    /** The entries among these that measure this goal. */
    List<BrainKnowledge> evidence(List<BrainKnowledge> entries) {
        return entries.stream()
                .filter(entry -> outcomes.contains(entry.outcome()))
                .toList();
    }
}
