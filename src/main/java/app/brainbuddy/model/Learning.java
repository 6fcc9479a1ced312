package app.brainbuddy.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How the model takes in one rating after another: before each rating the earlier ones fade (half-life,
 * {@link RatingPosterior#discounted}), and when ratings keep contradicting the model it starts again. Each rating is
 * first compared with what the model expected of it, as a standardised residual
 * {@code z = (rating − expected) / √(model variance + noise variance)}; two CUSUM sums collect runs of ratings lower
 * ({@code S⁻ = max(0, S⁻ − z − k)}) and higher ({@code S⁺ = max(0, S⁺ + z − k)}) than expected. When one passes
 * {@link #THRESHOLD} the preference has changed: the model goes back to the prior and learns only that run's ratings,
 * the ones that showed the change. Fading alone needs dozens of ratings to outweigh forty of an old favourite; two or
 * three clearly surprising ratings do it here, while a single surprise (noise) counts as one rating.
 *
 * <p>Why k = 1 and h = 2 (RecommenderSimulationTests, regret over the first 20 ratings after a switch / false
 * detections per user in the five scenarios without one): k 0.5 h 3: 25.4 / up to 0.79; k 0.5 h 4: 26.9 / 0.25;
 * k 1 h 2: 25.6 / at most 0.09; k 1 h 1.5: 24.4 / 0.39; k 1.25 h 1.25: 25.8 / 0.16. A favourite that drops by two
 * points trips it after two or three ratings.
 *
 * <p>A fold over the ratings oldest first, deterministic: the same ratings in the same order give the same bits, so
 * {@link PersonalModel#rebuild} stays the one operation.
 */
final class Learning {

    /** CUSUM allowance k: a residual must exceed one standard deviation to count towards a change. */
    static final double ALLOWANCE = 1;

    /** CUSUM threshold h, in standard deviations beyond the allowance, summed over the run. */
    static final double THRESHOLD = 2;

    private final RatingPosterior prior;
    private final double keep;
    private RatingPosterior posterior;
    private final Run lower = new Run(-1);
    private final Run higher = new Run(1);
    private int changes;

    Learning(RatingPosterior prior, double keep) {
        this.prior = prior;
        this.keep = keep;
        this.posterior = prior;
    }

    /**
     * The fold that stopped at {@code posterior} with these {@link Runs}, going on exactly as if it had not stopped:
     * {@code taken} are the last ratings it took in, oldest first, at least as many as the longer run.
     */
    static Learning resumed(
            RatingPosterior prior, double keep, RatingPosterior posterior, Runs runs, List<Step> taken) {
        Learning learning = new Learning(prior, keep);
        learning.posterior = posterior;
        learning.lower.restore(runs.lowerSum(), taken.subList(taken.size() - runs.lowerSteps(), taken.size()));
        learning.higher.restore(runs.higherSum(), taken.subList(taken.size() - runs.higherSteps(), taken.size()));
        return learning;
    }

    RatingPosterior posterior() {
        return posterior;
    }

    /**
     * What the fold holds besides the posterior: each side's CUSUM sum and how many of the last ratings its run
     * holds (a run is always the latest ratings since its sum last stood at zero).
     */
    Runs runs() {
        return new Runs(lower.sum, lower.steps.size(), higher.sum, higher.steps.size());
    }

    /** The state {@link #resumed} needs to go on with a fold: see {@link #runs()}. */
    record Runs(double lowerSum, int lowerSteps, double higherSum, int higherSteps) {

        /** How many of the last ratings taken in a resumed fold needs. */
        int longest() {
            return Math.max(lowerSteps, higherSteps);
        }
    }

    /** How many changes of preference were detected so far. */
    int changes() {
        return changes;
    }

    /** Takes in one more rating of a session with these features. */
    void learn(double[] x, double rating) {
        RatingPosterior.Prediction expected = posterior.predict(x);
        double z = (rating - expected.expected())
                / Math.sqrt(expected.uncertainty() * expected.uncertainty() + RatingPosterior.NOISE_VARIANCE);
        Step step = new Step(x, rating);
        lower.add(z, step);
        higher.add(z, step);
        posterior = posterior.discounted(keep, prior).learn(x, rating);
        Run changed = lower.sum > THRESHOLD ? lower : higher.sum > THRESHOLD ? higher : null;
        if (changed != null) {
            changes++;
            RatingPosterior relearned = prior;
            for (Step recent : changed.steps) {
                relearned = relearned.discounted(keep, prior).learn(recent.x(), recent.rating());
            }
            posterior = relearned;
            lower.clear();
            higher.clear();
        }
    }

    /** One rating taken in: the session's features and the rating. */
    record Step(double[] x, double rating) {}

    /** One side's CUSUM sum and the ratings since it last stood at zero. */
    private static final class Run {

        private final int sign;
        private final List<Step> steps = new ArrayList<>();
        private double sum;

        Run(int sign) {
            this.sign = sign;
        }

        void add(double z, Step step) {
            sum = Math.max(0, sum + sign * z - ALLOWANCE);
            if (sum > 0) {
                steps.add(step);
            } else {
                steps.clear();
            }
        }

        void restore(double sum, List<Step> steps) {
            this.sum = sum;
            this.steps.addAll(steps);
        }

        void clear() {
            sum = 0;
            steps.clear();
        }
    }
}
