package app.brainbuddy.model;

import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.TrainingOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks the next session among concrete candidates: each kind of session at a few durations and, for
 * BRAINWAVE, a few beat frequencies across the band, all in the user's peak window. Exploring, it
 * scores them with weights drawn from the posterior (Thompson sampling), so options it is unsure of
 * get tried; exploiting, with the posterior mean.
 */
final class Recommender {

    static final List<Integer> DURATIONS = List.of(300, 600, 1200);
    static final List<Double> BAND_POSITIONS = List.of(0.25, 0.5, 0.75);

    private Recommender() {}

    static List<SessionContext> candidates(List<TrainingOption> options) {
        List<SessionContext> candidates = new ArrayList<>();
        for (TrainingOption option : options) {
            for (int seconds : DURATIONS) {
                BrainwaveTarget target = option.target();
                if (target == null) {
                    candidates.add(new SessionContext(option, null, seconds, true));
                } else {
                    for (double position : BAND_POSITIONS) {
                        double hz = target.lowHz() + position * (target.highHz() - target.lowHz());
                        candidates.add(new SessionContext(option, Math.round(hz * 10) / 10.0, seconds, true));
                    }
                }
            }
        }
        return candidates;
    }

    static SessionContext choose(
            RatingPosterior posterior, List<SessionContext> candidates, boolean explore, SplittableRandom random) {
        double[] weights = explore ? posterior.sample(random) : posterior.mean();
        return candidates.stream()
                .max(Comparator.comparingDouble(candidate -> RatingPosterior.dot(weights, candidate.features())))
                .orElseThrow();
    }
}
