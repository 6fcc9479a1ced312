package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.user.Chronotype;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Learning is exact per session: seeded random sequences of ratings, re-ratings, replays (a rating handed over again,
 * as a retried sync or a second device does) and sessions synced late with an older timestamp end in the same model,
 * to the byte, as one built fresh from the final rating of each session, oldest first. A baseline that counts every
 * rating as a new step differs, so the comparison can fail. Most new ratings are of the newest session and are learned
 * on top of the held model ({@link PersonalModel#continued}); a baseline that does so without the change detection's
 * runs differs too.
 */
class PersonalModelPropertyTests {

    static final int CASES = 2000;
    static final double KEEP = new ModelSettings(null, null, 20, 60).keep();
    static final long BASIS = 1;

    @Test
    void anyInterleavingOfRatingsReRatingsReplaysAndLateSyncsEqualsAFreshRebuild() {
        RatingPosterior prior = ModelPrior.of(Map.of());
        int everyRatingDiffered = 0;
        Counts counts = new Counts();
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
                model = sync(model, prior, ratings, features, takenAt, counts);
                everyRatingCounted = everyRatingCounted.discounted(KEEP, prior).learn(features.get(session), rating);
                handedOver.add(session);
            }
            PersonalModel rebuilt = PersonalModel.rebuild(prior, oldestFirst(ratings, features, takenAt), KEEP, BASIS);

            assertThat(model.learned()).as("seed %d", seed).isEqualTo(ratings);
            assertThat(model.steps()).as("seed %d", seed).isEqualTo(ratings.size());
            assertThat(model.posterior().distanceTo(rebuilt.posterior()))
                    .as("seed %d", seed)
                    .isZero();
            assertThat(model.serialize()).as("seed %d", seed).isEqualTo(rebuilt.serialize());
            PersonalModel roundTrip = PersonalModel.deserialize(model.serialize());
            assertThat(roundTrip.learned()).isEqualTo(model.learned());
            assertThat(roundTrip.posterior().distanceTo(model.posterior())).isZero();
            everyRatingDiffered += everyRatingCounted.distanceTo(rebuilt.posterior()) > 1e-6 ? 1 : 0;
        }
        assertThat(everyRatingDiffered).isGreaterThan(CASES / 2);
        // most syncs learn on top of the held model, and doing so without the runs would have been wrong in some
        assertThat(counts.continued).isGreaterThan(counts.rebuilt);
        assertThat(counts.withoutRunsDiffered).isGreaterThan(CASES / 20);
    }

    @Test
    void aModelBuiltOnAnotherBasisOrWithoutItsRunsIsRebuiltNotContinued() {
        RatingPosterior prior = ModelPrior.of(Map.of());
        SplittableRandom random = new SplittableRandom(7);
        List<PersonalModel.Rated> first = List.of(
                new PersonalModel.Rated("a", randomFeatures(random), 5),
                new PersonalModel.Rated("b", randomFeatures(random), 1));
        List<PersonalModel.Rated> more = new ArrayList<>(first);
        more.add(new PersonalModel.Rated("c", randomFeatures(random), 3));
        PersonalModel held = PersonalModel.rebuild(prior, first, KEEP, BASIS);

        assertThat(held.continued(prior, more, KEEP, BASIS))
                .hasValueSatisfying(model -> assertThat(model.serialize())
                        .isEqualTo(
                                PersonalModel.rebuild(prior, more, KEEP, BASIS).serialize()));
        assertThat(held.continued(prior, more, KEEP, BASIS + 1)).isEmpty();
        // "c" older than "b": not on top of what the model holds
        assertThat(held.continued(prior, List.of(first.get(0), more.get(2), first.get(1)), KEEP, BASIS))
                .isEmpty();
        // "b" re-rated
        assertThat(held.continued(
                        prior,
                        List.of(
                                first.get(0),
                                new PersonalModel.Rated("b", first.get(1).features(), 2),
                                more.get(2)),
                        KEEP,
                        BASIS))
                .isEmpty();
        assertThat(PersonalModel.from(prior).continued(prior, more, KEEP, BASIS))
                .isEmpty();
        assertThat(PersonalModel.basis(prior, KEEP, Chronotype.BEAR))
                .isEqualTo(PersonalModel.basis(ModelPrior.of(Map.of()), KEEP, Chronotype.BEAR))
                .isNotEqualTo(PersonalModel.basis(prior, KEEP, Chronotype.WOLF))
                .isNotEqualTo(PersonalModel.basis(prior, KEEP * 0.99, Chronotype.BEAR));
    }

    /** How the syncs went: learned on top or rebuilt, and how often learning on top without the runs differed. */
    private static final class Counts {
        int continued;
        int rebuilt;
        int withoutRunsDiffered;
    }

    /** What {@code ModelTraining.sync} does with a model and the stored ratings. */
    private static PersonalModel sync(
            PersonalModel model,
            RatingPosterior prior,
            Map<String, Integer> ratings,
            Map<String, double[]> features,
            Map<String, Double> takenAt,
            Counts counts) {
        if (model.holds(ratings)) {
            return model;
        }
        List<PersonalModel.Rated> oldestFirst = oldestFirst(ratings, features, takenAt);
        Optional<PersonalModel> continued = model.continued(prior, oldestFirst, KEEP, BASIS);
        if (continued.isEmpty()) {
            counts.rebuilt++;
            return PersonalModel.rebuild(prior, oldestFirst, KEEP, BASIS);
        }
        counts.continued++;
        RatingPosterior withoutRuns = model.posterior();
        for (PersonalModel.Rated rated : oldestFirst.subList(model.steps(), oldestFirst.size())) {
            withoutRuns = withoutRuns.discounted(KEEP, prior).learn(rated.features(), rated.rating());
        }
        counts.withoutRunsDiffered += withoutRuns.distanceTo(continued.get().posterior()) > 1e-9 ? 1 : 0;
        return continued.get();
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
