package app.brainbuddy.session;

import app.brainbuddy.knowledge.BrainKnowledge;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Generates a session's content from the knowledge base, deterministically for a given request and
 * seed: brainwave sessions from the entrainment evidence, the other modules from the routine library.
 * Every session links the entries it used, including the chronotype-timing evidence.
 */
@Component
class ContentGenerator {

    private final RoutineLibrary library;

    ContentGenerator(RoutineLibrary library) {
        this.library = library;
    }

    /** The stimulus types of the knowledge entries that content for this module draws on. */
    Set<String> stimulusTypes(ModuleType moduleType) {
        Set<String> types = new HashSet<>(
                moduleType == ModuleType.BRAINWAVE ? BrainwaveContent.STIMULI : library.stimulusTypes(moduleType));
        types.add(Timing.STIMULUS);
        return types;
    }

    /** The entries behind one kind of session, strongest first, leaving out the timing evidence. */
    List<BrainKnowledge> evidenceFor(TrainingOption option, List<BrainKnowledge> evidence) {
        if (option.target() != null) {
            return BrainwaveContent.relevant(option.target(), option.target().delivery(true), evidence);
        }
        Set<String> stimuli = library.stimulusTypes(option.moduleType());
        return evidence.stream()
                .filter(entry -> stimuli.contains(entry.stimulusType()))
                .toList();
    }

    /** Content for the request from these knowledge entries, strongest evidence first. */
    GeneratedContent generate(ContentRequest request, List<BrainKnowledge> evidence) {
        return request.moduleType() == ModuleType.BRAINWAVE
                ? BrainwaveContent.generate(request, evidence)
                : RoutineContent.generate(request, library.of(request.moduleType()), evidence);
    }
}
