package app.brainbuddy.model;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.session.TrainingOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The population prior: what a new user can expect of each kind of session, from the knowledge base.
 * A kind of session whose evidence averages strength {@code s} is expected to rate {@code 2.5 + 2s}
 * (2.5 with no evidence, 4.5 with established evidence), with a variance that grows as the evidence
 * weakens ({@link #WEAK_EVIDENCE_VARIANCE}), at the beat its evidence names, for 15
 * minutes, in its best window. BRAINWAVE's module weight carries the mean over its bands and each
 * band's weight the difference. Each band's beat weights put the expected best at the named beat,
 * falling by {@link #BEAT_CURVATURE} points per band width squared away from it; duration falls
 * gently on both sides of 15 minutes; each kind rates {@link #TIMING_EFFECT} higher in its window
 * than outside.
 */
final class ModelPrior {

    static final double NO_EVIDENCE_RATING = 2.5;
    static final double EVIDENCE_WEIGHT = 2;
    static final double KIND_VARIANCE = 1.0;
    static final double BAND_VARIANCE = 0.5;

    /**
     * Variance added to a kind's weight per unit of evidence strength it lacks: {@code 4(1 − s)}. Weak
     * evidence is not evidence of a weak effect; the low expectation it gives must stay open to being
     * tried, or a person for whom it works best is never found. Regret over ratings 41-60 in the
     * simulation (weakest evidence / small gap / wide gap) was 8.8 / 7.4 / 6.1 without it, 8.2 / 7.0 /
     * 4.3 at 1, 7.4 / 6.5 / 4.8 at 3, 6.8 / 6.5 / 5.6 at 4, 6.1 / 6.4 / 5.0 at 5 and 6.8 / 6.1 / 4.4 at
     * 8; the kind with the weakest evidence (gamma) was picked in 5% of ratings 41-60 by a user who
     * likes it best without it and in 45% with it (at 4, with the beat redraw of {@link Recommender}).
     */
    static final double WEAK_EVIDENCE_VARIANCE = 4;

    static final double BEAT_CURVATURE = 2;
    static final double BEAT_VARIANCE = 1;
    static final double DURATION_CURVATURE = 0.1;
    static final double DURATION_VARIANCE = 0.1;

    /** In its window a kind is expected half a point higher than outside it. */
    static final double TIMING_EFFECT = 0.5;

    static final double TIMING_VARIANCE = 0.25;

    private ModelPrior() {}

    static RatingPosterior of(Map<TrainingOption, List<BrainKnowledge>> evidence) {
        double[] mean = new double[FeatureMap.DIMENSION];
        double[] variance = new double[FeatureMap.DIMENSION];
        List<TrainingOption> bands = TrainingOption.of(ModuleType.BRAINWAVE);
        double brainwave = bands.stream()
                .mapToDouble(band -> expectedRating(evidence.get(band)))
                .average()
                .orElse(NO_EVIDENCE_RATING);
        for (TrainingOption option : TrainingOption.of(null)) {
            int module = FeatureMap.module(option);
            double unknown = WEAK_EVIDENCE_VARIANCE * (1 - strength(evidence.get(option)));
            // in its window the timing weight adds half the effect; the intercept leaves it out
            double intercept = expectedRating(evidence.get(option)) - TIMING_EFFECT / 2;
            BrainwaveTarget target = option.target();
            if (target == null) {
                mean[module] = intercept;
                variance[module] = KIND_VARIANCE + unknown;
            } else {
                variance[module] = KIND_VARIANCE;
                double named = FeatureMap.beatOffset(target, target.namedHz(allOf(evidence, option)));
                mean[module] = brainwave - TIMING_EFFECT / 2;
                // -c(d - named)² = -c d² + 2c named d - c named²: the constant goes into the band's weight
                mean[FeatureMap.band(target)] = intercept - mean[module] - BEAT_CURVATURE * named * named;
                variance[FeatureMap.band(target)] = BAND_VARIANCE + unknown;
                mean[FeatureMap.beat(target)] = 2 * BEAT_CURVATURE * named;
                variance[FeatureMap.beat(target)] = BEAT_VARIANCE;
                mean[FeatureMap.beatSquared(target)] = -BEAT_CURVATURE;
                variance[FeatureMap.beatSquared(target)] = BEAT_VARIANCE;
            }
            mean[FeatureMap.timing(option)] = TIMING_EFFECT;
            variance[FeatureMap.timing(option)] = TIMING_VARIANCE;
        }
        mean[FeatureMap.DURATION_SQUARED] = -DURATION_CURVATURE;
        variance[FeatureMap.DURATION] = DURATION_VARIANCE;
        variance[FeatureMap.DURATION_SQUARED] = DURATION_VARIANCE;
        if (Arrays.stream(variance).anyMatch(v -> v <= 0)) {
            throw new IllegalStateException("a feature without prior variance");
        }
        return RatingPosterior.prior(mean, variance);
    }

    private static List<BrainKnowledge> allOf(
            Map<TrainingOption, List<BrainKnowledge>> evidence, TrainingOption option) {
        return evidence.getOrDefault(option, List.of());
    }

    static double expectedRating(List<BrainKnowledge> evidence) {
        return NO_EVIDENCE_RATING + EVIDENCE_WEIGHT * strength(evidence);
    }

    /** The mean evidence strength of these entries, 0 without any. */
    private static double strength(List<BrainKnowledge> evidence) {
        return evidence == null
                ? 0
                : evidence.stream()
                        .mapToDouble(BrainKnowledge::evidenceStrength)
                        .average()
                        .orElse(0);
    }
}
