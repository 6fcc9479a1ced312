package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.session.TrainingOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Proof that the model learns: synthetic users, each with one kind of session clearly best for them,
 * rate what the recommender proposes, with noise. Deterministic (fixed seeds); prints its figures.
 */
class RecommenderSimulationTests {

    private static final int USERS = 200;
    private static final int RATINGS = 60;
    private static final int ADAPTIVE_AFTER = 20;
    private static final double BEST = 4.5;
    private static final double NOISE_SD = 0.8;

    private static final List<TrainingOption> OPTIONS = TrainingOption.of(null);
    private static final List<SessionContext> CANDIDATES = Recommender.candidates(OPTIONS);

    @Test
    void afterSixtyRatingsItPicksEachUsersBestOptionAndRegretGrowsSubLinearly() {
        SplittableRandom world = new SplittableRandom(20261125);
        int bestPicks = 0;
        double[] regretByRound = new double[RATINGS];
        for (int user = 0; user < USERS; user++) {
            SyntheticUser person = new SyntheticUser(world.split());
            RatingPosterior posterior = ModelPrior.of(Map.of());
            SplittableRandom recommender = world.split();
            for (int round = 0; round < RATINGS; round++) {
                SessionContext proposed =
                        Recommender.choose(posterior, CANDIDATES, round < ADAPTIVE_AFTER, recommender);
                regretByRound[round] += person.regret(proposed.option());
                posterior = posterior.learn(proposed.features(), person.rate(proposed.option()));
            }
            if (Recommender.choose(posterior, CANDIDATES, false, recommender)
                    .option()
                    .equals(person.best)) {
                bestPicks++;
            }
        }

        double bestShare = (double) bestPicks / USERS;
        double firstThird = sum(regretByRound, 0, 20) / USERS;
        double secondThird = sum(regretByRound, 20, 40) / USERS;
        double lastThird = sum(regretByRound, 40, 60) / USERS;
        System.out.printf(
                "Personal model simulation: %d users, %d kinds of session (chance %.0f%%), %d ratings each:"
                        + " best kind picked for %.1f%% of users; mean regret per user in ratings 1-20 %.2f,"
                        + " 21-40 %.2f, 41-60 %.2f (cumulative %.2f)%n",
                USERS,
                OPTIONS.size(),
                100.0 / OPTIONS.size(),
                RATINGS,
                100 * bestShare,
                firstThird,
                secondThird,
                lastThird,
                firstThird + secondThird + lastThird);

        assertThat(bestShare).isGreaterThanOrEqualTo(0.8);
        // linear regret would add as much in ratings 21-60 as twice ratings 1-20; it adds a small fraction
        assertThat(secondThird + lastThird).isLessThan(firstThird / 4);
    }

    private static double sum(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** A user for whom one kind of session is clearly best; the others rate around 2.5. */
    private static final class SyntheticUser {

        private final SplittableRandom random;
        private final TrainingOption best;
        private final Map<TrainingOption, Double> means = new HashMap<>();

        SyntheticUser(SplittableRandom random) {
            this.random = random;
            this.best = OPTIONS.get(random.nextInt(OPTIONS.size()));
            for (TrainingOption option : OPTIONS) {
                means.put(option, option.equals(best) ? BEST : 2.5 + random.nextDouble(-0.5, 0.5));
            }
        }

        int rate(TrainingOption option) {
            double noisy = means.get(option) + NOISE_SD * gaussian();
            return (int) Math.max(1, Math.min(5, Math.round(noisy)));
        }

        double regret(TrainingOption option) {
            return BEST - means.get(option);
        }

        private double gaussian() {
            return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }
    }
}
