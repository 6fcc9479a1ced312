package app.brainbuddy.model;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.session.TrainingOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulation's baseline: the recommender as it was before issue 19 (commit e7fb3aa), copied here
 * and nowhere used by the server. Twelve linear features (module and band one-hot, the beat's
 * position in its band, log duration, in the chronotype's peak or not), candidates at three
 * durations and three positions across each band, all in the peak window; Thompson sampling for
 * the first 20 ratings, then the posterior mean for ever, and every rating counted at full weight.
 */
final class TodaysRecommender {

    static final int ADAPTIVE_AFTER = 20;
    static final int MODULES = ModuleType.values().length;
    static final int DIMENSION = MODULES + BrainwaveTarget.values().length + 3;
    static final int BAND_POSITION = DIMENSION - 3;
    static final int DURATION = DIMENSION - 2;
    static final int PEAK = DIMENSION - 1;

    private TodaysRecommender() {}

    /** A session as it proposed them. */
    record Proposal(TrainingOption option, Double frequency, int durationSeconds) {}

    static List<Proposal> candidates() {
        List<Proposal> candidates = new ArrayList<>();
        for (TrainingOption option : TrainingOption.of(null)) {
            for (int seconds : List.of(300, 600, 1200)) {
                BrainwaveTarget target = option.target();
                if (target == null) {
                    candidates.add(new Proposal(option, null, seconds));
                } else {
                    for (double position : List.of(0.25, 0.5, 0.75)) {
                        double hz = target.lowHz() + position * (target.highHz() - target.lowHz());
                        candidates.add(new Proposal(option, Math.round(hz * 10) / 10.0, seconds));
                    }
                }
            }
        }
        return candidates;
    }

    static double[] features(Proposal proposal, boolean inPeak) {
        double[] x = new double[DIMENSION];
        x[proposal.option().moduleType().ordinal()] = 1;
        BrainwaveTarget target = proposal.option().target();
        if (target != null) {
            x[MODULES + target.ordinal()] = 1;
            x[BAND_POSITION] = (proposal.frequency() - target.lowHz()) / (target.highHz() - target.lowHz()) - 0.5;
        }
        x[DURATION] = Math.log(proposal.durationSeconds() / 900.0) / Math.log(8);
        x[PEAK] = inPeak ? 0.5 : -0.5;
        return x;
    }

    static RatingPosterior prior(Map<TrainingOption, List<BrainKnowledge>> evidence) {
        double[] mean = new double[DIMENSION];
        double[] variance = new double[DIMENSION];
        Arrays.fill(variance, 0.25);
        double brainwave = TrainingOption.of(ModuleType.BRAINWAVE).stream()
                .mapToDouble(band -> ModelPrior.expectedRating(evidence.get(band)))
                .average()
                .orElseThrow();
        for (TrainingOption option : TrainingOption.of(null)) {
            int module = option.moduleType().ordinal();
            variance[module] = 1.0;
            if (option.target() == null) {
                mean[module] = ModelPrior.expectedRating(evidence.get(option));
            } else {
                mean[module] = brainwave;
                int band = MODULES + option.target().ordinal();
                mean[band] = ModelPrior.expectedRating(evidence.get(option)) - brainwave;
                variance[band] = 0.5;
            }
        }
        mean[PEAK] = 0.5;
        return RatingPosterior.prior(mean, variance);
    }

    /** Always in the peak window: exploring for the first ratings, then the posterior mean. */
    static Proposal choose(RatingPosterior posterior, int ratings, List<Proposal> candidates, SplittableRandom random) {
        double[] weights = ratings < ADAPTIVE_AFTER ? posterior.sample(random, 1) : posterior.mean();
        return candidates.stream()
                .max(Comparator.comparingDouble(candidate -> RatingPosterior.dot(weights, features(candidate, true))))
                .orElseThrow();
    }
}
