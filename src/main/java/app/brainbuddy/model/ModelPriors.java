package app.brainbuddy.model;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.SessionService;
import app.brainbuddy.session.TrainingOption;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The population prior as the knowledge base says now, and the evidence behind each kind of session. */
@Component
class ModelPriors {

    private final SessionService sessions;

    ModelPriors(SessionService sessions) {
        this.sessions = sessions;
    }

    Map<TrainingOption, List<BrainKnowledge>> evidence() {
        return sessions.evidenceByOption();
    }

    RatingPosterior prior() {
        return ModelPrior.of(evidence());
    }
}
