package app.brainbuddy.model;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.QueryCost;
import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.session.TrainingOption;
import app.brainbuddy.user.Chronotype;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.Scope;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Recommends the next session for a goal, at the user's local hour or for later today: Thompson
 * sampling on the personal model (the population prior until the first rating), among the kinds of
 * session whose evidence serves the goal.
 */
@Service
class RecommendationService {

    private final ModelTraining training;
    private final ModelPriors priors;
    private final ModelSettings settings;
    private final CurrentUser currentUser;
    private final Clock clock;

    RecommendationService(
            ModelTraining training, ModelPriors priors, ModelSettings settings, CurrentUser currentUser, Clock clock) {
        this.training = training;
        this.settings = settings;
        this.priors = priors;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    SessionRecommendation recommend(
            @Nullable ModuleType moduleType,
            @Nullable Goal goal,
            @Nullable Integer localHour,
            @Nullable String timeZone,
            boolean headphones) {
        String userId = currentUser.requireShared(Scope.MODEL_READ);
        Integer hour = hourOf(localHour, timeZone);
        Map<TrainingOption, List<BrainKnowledge>> evidence = priors.evidence();
        List<TrainingOption> options = TrainingOption.of(moduleType).stream()
                .filter(option -> goal == null
                        || !goal.evidence(evidence.getOrDefault(option, List.of()))
                                .isEmpty())
                .toList();
        if (options.isEmpty()) {
            throw ApiException.badRequest("No %s session has evidence for the goal %s; leave out moduleType or goal"
                    .formatted(moduleType, goal));
        }
        PersonalModel model = training.modelOf(userId);
        RatingPosterior prior = ModelPrior.of(evidence);
        RatingPosterior posterior = model.posterior();
        Chronotype chronotype = currentUser.user().chronotype();

        List<Recommender.Candidate> candidates =
                Recommender.candidates(options, ModelPriors.namedHz(evidence), chronotype, hour);
        SessionContext chosen = Recommender.choose(
                        posterior,
                        candidates,
                        new SplittableRandom(ThreadLocalRandom.current().nextLong()))
                .context();
        RatingPosterior.Prediction prediction = posterior.predict(chosen.features());
        double expected = Math.max(1, Math.min(5, prediction.expected()));
        List<BrainKnowledge> kindEvidence = evidence.getOrDefault(chosen.option(), List.of());
        List<BrainKnowledge> behind = (goal == null ? kindEvidence : goal.evidence(kindEvidence))
                .stream().limit(QueryCost.MAX_EVIDENCE).toList();
        TimingPlan.BestTime bestTime =
                TimingPlan.bestTime(chosen.option(), chronotype, kindEvidence, priors.scheduling());
        return new SessionRecommendation(
                chosen.option().moduleType(),
                chosen.option().target(),
                chosen.frequency(),
                chosen.durationSeconds(),
                bestTime.window(),
                expected,
                prediction.uncertainty(),
                settings.phaseAfter(model.steps()),
                reason(chosen.option(), expected, prediction.uncertainty(), posterior, prior, candidates, behind),
                timing(bestTime, hour),
                Stream.concat(behind.stream(), bestTime.evidence().stream())
                        .distinct()
                        .limit(QueryCost.MAX_EVIDENCE)
                        .toList(),
                chosen.option().target() == null
                        ? null
                        : chosen.option().target().delivery(headphones));
    }

    /** The local hour given, or the hour now in the time zone given, or none. */
    private @Nullable Integer hourOf(@Nullable Integer localHour, @Nullable String timeZone) {
        if (localHour != null) {
            if (localHour < 0 || localHour > 23) {
                throw ApiException.badRequest("localHour must be 0 to 23");
            }
            return localHour;
        }
        if (timeZone == null) {
            return null;
        }
        try {
            return clock.instant().atZone(ZoneId.of(timeZone)).getHour();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("timeZone must be an IANA time zone such as Europe/Berlin");
        }
    }

    /**
     * Why this kind: not rated yet (exploring), or rated highest of the kinds rated (exploiting), or
     * rated but not known well enough to rule out (exploring among what was rated).
     */
    private static String reason(
            TrainingOption option,
            double expected,
            double uncertainty,
            RatingPosterior posterior,
            RatingPosterior prior,
            List<Recommender.Candidate> candidates,
            List<BrainKnowledge> evidence) {
        String kind = label(option);
        String grounds = evidence.stream()
                .findFirst()
                .map(RecommendationService::cite)
                .orElse("no published evidence in the knowledge base yet");
        if (!rated(option, posterior, prior)) {
            return "Trying %s, which you have not rated yet; evidence: %s.".formatted(kind, grounds);
        }
        double[] mean = posterior.mean();
        Optional<TrainingOption> top = candidates.stream()
                .filter(candidate -> rated(candidate.context().option(), posterior, prior))
                .max(Comparator.comparingDouble(candidate -> candidate.score(mean)))
                .map(candidate -> candidate.context().option());
        if (top.filter(option::equals).isPresent()) {
            return "You rated %s highest; your model expects %.1f (±%.1f) for this session."
                    .formatted(kind, expected, uncertainty);
        }
        return "Trying %s again: your ratings do not yet rule it out (your model expects %.1f ±%.1f)."
                .formatted(kind, expected, uncertainty);
    }

    /** Whether the model has learned from a rating of this kind: its intercept is sharper than the prior's. */
    private static boolean rated(TrainingOption option, RatingPosterior posterior, RatingPosterior prior) {
        int intercept = option.target() == null ? FeatureMap.module(option) : FeatureMap.band(option.target());
        return posterior.learnedPrecision(intercept, prior) > 1e-9;
    }

    private static String timing(TimingPlan.BestTime bestTime, @Nullable Integer hour) {
        if (hour == null) {
            return bestTime.why();
        }
        return bestTime.why()
                + (bestTime.window().contains(hour)
                        ? " Now (%02d:00) is inside it.".formatted(hour)
                        : " Now (%02d:00) is outside it.".formatted(hour));
    }

    static String label(TrainingOption option) {
        return option.target() != null
                ? FeatureMap.kindName(option) + " brainwave sessions"
                : switch (option.moduleType()) {
                    case MOVERS -> "movers sessions";
                    case PFC_GYM -> "PFC gym sessions";
                    case MENTAL_REHEARSAL -> "mental rehearsal";
                    case BRAINWAVE -> "brainwave sessions";
                };
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
