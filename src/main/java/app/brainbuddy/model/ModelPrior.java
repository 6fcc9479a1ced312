package app.brainbuddy.model;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.session.TrainingOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The population prior: what a new user can expect of each kind of session, from the knowledge base.
 * A kind of session whose evidence averages strength {@code s} is expected to rate {@code 2.5 + 2s}
 * (2.5 with no evidence, 4.5 with established evidence). BRAINWAVE's module weight carries the mean
 * over its bands and each band's weight the difference, so a band's expectation is its own.
 */
final class ModelPrior {

    static final double NO_EVIDENCE_RATING = 2.5;
    static final double EVIDENCE_WEIGHT = 2;
    static final double KIND_VARIANCE = 1.0;
    static final double BAND_VARIANCE = 0.5;
    static final double OTHER_VARIANCE = 0.25;

    /** Sessions in the chronotype's peak window are expected a quarter point higher, and outside lower. */
    static final double PEAK_EFFECT = 0.5;

    private ModelPrior() {}

    static RatingPosterior of(Map<TrainingOption, List<BrainKnowledge>> evidence) {
        double[] mean = new double[SessionContext.DIMENSION];
        double[] variance = new double[SessionContext.DIMENSION];
        Arrays.fill(variance, OTHER_VARIANCE);
        List<TrainingOption> bands = TrainingOption.of(ModuleType.BRAINWAVE);
        double brainwave = bands.stream()
                .mapToDouble(band -> expectedRating(evidence.get(band)))
                .average()
                .orElse(NO_EVIDENCE_RATING);
        for (TrainingOption option : TrainingOption.of(null)) {
            int module = SessionContext.moduleIndex(option.moduleType());
            variance[module] = KIND_VARIANCE;
            if (option.target() == null) {
                mean[module] = expectedRating(evidence.get(option));
            } else {
                mean[module] = brainwave;
                int band = SessionContext.targetIndex(option.target());
                mean[band] = expectedRating(evidence.get(option)) - brainwave;
                variance[band] = BAND_VARIANCE;
            }
        }
        mean[SessionContext.PEAK] = PEAK_EFFECT;
        return RatingPosterior.prior(mean, variance);
    }

    static double expectedRating(List<BrainKnowledge> evidence) {
        return NO_EVIDENCE_RATING
                + EVIDENCE_WEIGHT
                        * (evidence == null
                                ? 0
                                : evidence.stream()
                                        .mapToDouble(BrainKnowledge::evidenceStrength)
                                        .average()
                                        .orElse(0));
    }
}
