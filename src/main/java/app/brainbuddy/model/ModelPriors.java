package app.brainbuddy.model;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.knowledge.KnowledgeService;
import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.session.SessionService;
import app.brainbuddy.session.TrainingOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The population prior as the knowledge base says now, and the evidence behind each kind of session. */
@Component
class ModelPriors {

    private final SessionService sessions;
    private final KnowledgeService knowledge;

    ModelPriors(SessionService sessions, KnowledgeService knowledge) {
        this.sessions = sessions;
        this.knowledge = knowledge;
    }

    Map<TrainingOption, List<BrainKnowledge>> evidence() {
        return sessions.evidenceByOption();
    }

    /** The entries on when in the day to train. */
    List<BrainKnowledge> scheduling() {
        return knowledge.about(Set.of(TimingPlan.SCHEDULING));
    }

    RatingPosterior prior() {
        return ModelPrior.of(evidence());
    }

    /** The beat the evidence names for each band. */
    static Map<BrainwaveTarget, Double> namedHz(Map<TrainingOption, List<BrainKnowledge>> evidence) {
        return TrainingOption.of(ModuleType.BRAINWAVE).stream()
                .collect(Collectors.toMap(
                        TrainingOption::target,
                        option -> option.target().namedHz(evidence.getOrDefault(option, List.of()))));
    }
}
