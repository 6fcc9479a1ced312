package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Learning is exact per session: seeded random sequences of ratings, re-ratings, replays (a rating handed over again,
 * as a retried sync or a second device does) and sessions synced late with an older timestamp end in the same model as
 * one built fresh from the final rating of each session, oldest first. A baseline that counts every rating as a new
 * step differs, so the comparison can fail.
 */
class PersonalModelPropertyTests {

    static final int CASES = 2000;
    static final double KEEP = new ModelSettings(null, null, 20, 60).keep();

    @Test
    void anyInterleavingOfRatingsReRatingsReplaysAndLateSyncsEqualsAFreshRebuild() {
        RatingPosterior prior = ModelPrior.of(Map.of());
        int everyRatingDiffered = 0;
        for (int seed = 0; seed < CASES; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Map<String, double[]> features = new HashMap<>();
            Map<String, Double> takenAt = new HashMap<>();
            Map<String, Integer> ratings = new TreeMap<>();
            List<String> handedOver = new ArrayList<>();
            PersonalModel model = PersonalModel.from(prior);
            RatingPosterior everyRatingCounted = prior;
            int operations = 1 + random.nextInt(40);
            for (int op = 0; op < operations; op++) {
                String session;
                if (!handedOver.isEmpty() && random.nextInt(3) == 0) {
                    session = handedOver.get(random.nextInt(handedOver.size())); // re-rate or replay
                } else {
                    session = "s" + random.nextInt(1_000_000);
                    features.put(session, randomFeatures(random));
                    // most sessions are rated as they happen; some arrive later from a device, older than others
                    takenAt.put(session, random.nextInt(5) == 0 ? random.nextDouble() * op : op);
                }
                int rating = random.nextInt(4) == 0 && ratings.containsKey(session)
                        ? ratings.get(session) // a replay of the rating it has
                        : 1 + random.nextInt(5);
                ratings.put(session, rating);
                model = sync(model, prior, ratings, features, takenAt);
                everyRatingCounted = everyRatingCounted.discounted(KEEP, prior).learn(features.get(session), rating);
                handedOver.add(session);
            }
            PersonalModel rebuilt = PersonalModel.rebuild(prior, oldestFirst(ratings, features, takenAt), KEEP);

            assertThat(model.learned()).as("seed %d", seed).isEqualTo(ratings);
            assertThat(model.steps()).as("seed %d", seed).isEqualTo(ratings.size());
            assertThat(model.posterior().distanceTo(rebuilt.posterior()))
                    .as("seed %d", seed)
                    .isZero();
            PersonalModel roundTrip = PersonalModel.deserialize(model.serialize());
            assertThat(roundTrip.learned()).isEqualTo(model.learned());
            assertThat(roundTrip.posterior().distanceTo(model.posterior())).isZero();
            everyRatingDiffered += everyRatingCounted.distanceTo(rebuilt.posterior()) > 1e-6 ? 1 : 0;
        }
        assertThat(everyRatingDiffered).isGreaterThan(CASES / 2);
    }

    /** What {@code ModelTraining.sync} does with a model and the stored ratings. */
    private static PersonalModel sync(
            PersonalModel model,
            RatingPosterior prior,
            Map<String, Integer> ratings,
            Map<String, double[]> features,
            Map<String, Double> takenAt) {
        return model.holds(ratings)
                ? model
                : PersonalModel.rebuild(prior, oldestFirst(ratings, features, takenAt), KEEP);
    }

    private static List<PersonalModel.Rated> oldestFirst(
            Map<String, Integer> ratings, Map<String, double[]> features, Map<String, Double> takenAt) {
        return ratings.keySet().stream()
                .sorted(Comparator.comparing((String session) -> takenAt.get(session))
                        .thenComparing(Comparator.naturalOrder()))
                .map(session -> new PersonalModel.Rated(session, features.get(session), ratings.get(session)))
                .toList();
    }

    private static double[] randomFeatures(SplittableRandom random) {
        double[] x = new double[FeatureMap.DIMENSION];
        x[random.nextInt(FeatureMap.index("band:gamma") + 1)] = 1;
        x[FeatureMap.DURATION] = random.nextDouble(-1, 1);
        x[FeatureMap.DURATION_SQUARED] = x[FeatureMap.DURATION] * x[FeatureMap.DURATION];
        x[FeatureMap.index("timing:alpha")] = random.nextBoolean() ? 0.5 : -0.5;
        return x;
    }
}
