package app.brainbuddy.model;

import app.brainbuddy.graphql.QueryCost;
import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.session.TrainingOption;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.Scope;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Recommends the next session: from the population prior and with exploration while the user's model
 * is developmental, from the personal model's expectations once it is adaptive.
 */
@Service
class RecommendationService {

    private final ModelTraining training;
    private final ModelPriors priors;
    private final ModelSettings settings;
    private final CurrentUser currentUser;

    RecommendationService(ModelTraining training, ModelPriors priors, ModelSettings settings, CurrentUser currentUser) {
        this.training = training;
        this.priors = priors;
        this.settings = settings;
        this.currentUser = currentUser;
    }

    SessionRecommendation recommend(@Nullable ModuleType moduleType, boolean headphones) {
        String userId = currentUser.requireShared(Scope.MODEL_READ);
        PersonalModel model = training.modelOf(userId);
        Map<TrainingOption, List<BrainKnowledge>> evidence = priors.evidence();
        RatingPosterior posterior = model.posterior();
        int steps = model.steps();
        ModelPhase phase = settings.phaseAfter(steps);

        SessionContext chosen = Recommender.choose(
                posterior,
                Recommender.candidates(TrainingOption.of(moduleType)),
                phase == ModelPhase.DEVELOPMENTAL,
                new SplittableRandom(ThreadLocalRandom.current().nextLong()));
        RatingPosterior.Prediction prediction = posterior.predict(chosen.features());
        // one number for the field and the sentence: the expectation on the 1-5 rating scale
        double expected = Math.max(1, Math.min(5, prediction.expected()));
        List<BrainKnowledge> behind = evidence.getOrDefault(chosen.option(), List.of()).stream()
                .limit(QueryCost.MAX_EVIDENCE)
                .toList();
        return new SessionRecommendation(
                chosen.option().moduleType(),
                chosen.option().target(),
                chosen.frequency(),
                chosen.durationSeconds(),
                currentUser.user().chronotype().peak(),
                expected,
                prediction.uncertainty(),
                phase,
                reason(phase, steps, expected, prediction.uncertainty(), behind),
                behind,
                chosen.option().target() == null
                        ? null
                        : chosen.option().target().delivery(headphones));
    }

    private String reason(
            ModelPhase phase, int steps, double expected, double uncertainty, List<BrainKnowledge> evidence) {
        String grounds = evidence.stream()
                .findFirst()
                .map(RecommendationService::cite)
                .orElse("no published evidence in the knowledge base yet");
        if (phase == ModelPhase.ADAPTIVE) {
            return "From your %d ratings your model expects %.1f (±%.1f) for this session; evidence: %s."
                    .formatted(steps, expected, uncertainty, grounds);
        }
        return "Exploring while your model learns (%d of %d ratings); evidence: %s."
                .formatted(steps, settings.adaptiveAfter(), grounds);
    }

    private static String cite(BrainKnowledge entry) {
        return "%s for %s, strength %.2f of 1 (%s)"
                .formatted(
                        entry.stimulusType().replace('_', ' '),
                        entry.outcome().replace('_', ' '),
                        entry.evidenceStrength(),
                        entry.shortCitation());
    }
}
