package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.session.StarterEvidence;
import app.brainbuddy.session.TrainingOption;
import app.brainbuddy.user.Chronotype;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The recommender's pure parts: features, prior, timing, candidates, fading ratings. */
class RecommenderTests {

    private static final Map<TrainingOption, List<BrainKnowledge>> EVIDENCE = StarterEvidence.byOption();
    private static final RatingPosterior PRIOR = ModelPrior.of(EVIDENCE);

    @Test
    void everyKindOfSessionHasItsNamedFeaturesSoANewKindFailsHereUntilTheMapHasANewVersion() {
        for (TrainingOption option : TrainingOption.of(null)) {
            double[] x = new SessionContext(
                            option,
                            option.target() == null ? null : option.target().lowHz(),
                            600,
                            true)
                    .features();
            assertThat(x).hasSize(FeatureMap.DIMENSION);
            assertThat(x[FeatureMap.module(option)]).as(option.toString()).isEqualTo(1);
            assertThat(x[FeatureMap.timing(option)]).as(option.toString()).isEqualTo(0.5);
        }
        assertThat(FeatureMap.NAMES).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}: the prior expects the best beat at the one the evidence names")
    @EnumSource(BrainwaveTarget.class)
    void thePriorsBestBeatIsTheNamedOneInsideTheBand(BrainwaveTarget target) {
        TrainingOption option = new TrainingOption(ModuleType.BRAINWAVE, target);
        double named = target.namedHz(EVIDENCE.get(option));
        assertThat(bestBeat(PRIOR.mean(), option)).isCloseTo(named, org.assertj.core.data.Offset.offset(0.051));
        assertThat(Recommender.beats(target, named)).contains(named).allMatch(target::contains);
    }

    @Test
    void theBestBeatMovesToWhereTheRatingsAreHighestInsideTheBand() {
        TrainingOption alpha = new TrainingOption(ModuleType.BRAINWAVE, BrainwaveTarget.ALPHA);
        RatingPosterior posterior = PRIOR;
        for (int round = 0; round < 30; round++) {
            for (double hz : List.of(9.0, 10.0, 11.0, 12.0, 13.0)) {
                // a person who likes 11 Hz best
                int rating = (int) Math.round(4.5 - 0.5 * Math.abs(hz - 11));
                posterior = posterior.learn(new SessionContext(alpha, hz, 900, true).features(), rating);
            }
        }
        assertThat(bestBeat(posterior.mean(), alpha)).isBetween(10.6, 11.4);
    }

    @Test
    void theBestDurationCanLieBetweenTheShortestAndTheLongest() {
        TrainingOption movers = new TrainingOption(ModuleType.MOVERS, null);
        RatingPosterior posterior = PRIOR;
        for (int round = 0; round < 20; round++) {
            for (int seconds : Recommender.DURATIONS) {
                posterior = posterior.learn(
                        new SessionContext(movers, null, seconds, true).features(), seconds == 900 ? 5 : 2);
            }
        }
        double[] mean = posterior.mean();
        assertThat(Recommender.best(mean, Recommender.candidates(List.of(movers), Map.of(), Chronotype.BEAR, null))
                        .context()
                        .durationSeconds())
                .isEqualTo(900);
    }

    @ParameterizedTest(name = "{0} for a {1}: {2}")
    @CsvSource({
        "MOVERS, BEAR, 10:00-14:00",
        "PFC_GYM, LION, 08:00-12:00",
        "MENTAL_REHEARSAL, WOLF, 17:00-21:00",
        "BETA, DOLPHIN, 15:00-19:00",
        "GAMMA, BEAR, 10:00-14:00",
        "ALPHA, BEAR, 18:00-21:00",
        "ALPHA, LION, 17:00-20:00",
        "THETA, BEAR, 22:00-23:00",
        "DELTA, BEAR, 22:00-23:00",
        "DELTA, LION, 21:00-22:00",
        "DELTA, WOLF, 23:00-24:00",
        "DELTA, DOLPHIN, 22:00-23:00"
    })
    void eachKindHasItsWindowForTheChronotype(String kind, Chronotype chronotype, String window) {
        assertThat(TimingPlan.window(option(kind), chronotype).label()).isEqualTo(window);
    }

    @ParameterizedTest(name = "{0}: no sleep session during the peak window")
    @EnumSource(Chronotype.class)
    void sleepSessionsAreNeverCandidatesDuringThePeak(Chronotype chronotype) {
        for (int hour = chronotype.peak().startHour(); hour < chronotype.peak().endHour(); hour++) {
            assertThat(Recommender.candidates(TrainingOption.of(null), ModelPriors.namedHz(EVIDENCE), chronotype, hour))
                    .isNotEmpty()
                    .noneMatch(
                            candidate -> TimingPlan.slot(candidate.context().option()) == TimingPlan.Slot.BEFORE_SLEEP);
        }
        assertThat(TimingPlan.window(option("DELTA"), chronotype).startHour())
                .isGreaterThanOrEqualTo(chronotype.peak().endHour());
    }

    @Test
    void onlySleepSessionsAskedForDuringThePeakAreProposedForTheirWindowLaterToday() {
        List<TrainingOption> sleep = List.of(option("THETA"), option("DELTA"));
        assertThat(Recommender.candidates(sleep, ModelPriors.namedHz(EVIDENCE), Chronotype.BEAR, 11))
                .isNotEmpty()
                .allMatch(candidate -> candidate.context().inWindow());
    }

    @Test
    void aRatingFadesToHalfItsWeightAfterTheHalfLife() {
        double keep = new ModelSettings(null, null, 20, 60).keep();
        double[] x = new SessionContext(option("MOVERS"), null, 900, true).features();
        RatingPosterior once = PRIOR.learn(x, 5);
        RatingPosterior aged = once;
        for (int i = 0; i < 60; i++) {
            aged = aged.discounted(keep, PRIOR);
        }
        int module = FeatureMap.module(option("MOVERS"));
        assertThat(aged.learnedPrecision(module, PRIOR))
                .isCloseTo(once.learnedPrecision(module, PRIOR) / 2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aFavouriteThatStartsRatingLowIsDroppedAfterAFewRatingsWhereFadingAloneKeepsIt() {
        double keep = new ModelSettings(null, null, 20, 60).keep();
        double[] movers = new SessionContext(option("MOVERS"), null, 900, true).features();
        Learning learning = new Learning(PRIOR, keep);
        RatingPosterior fadingOnly = PRIOR;
        for (int i = 0; i < 40; i++) {
            learning.learn(movers, 5);
            fadingOnly = fadingOnly.discounted(keep, PRIOR).learn(movers, 5);
        }
        learning.learn(movers, 2); // one bad day: noise, not a change
        learning.learn(movers, 5);
        assertThat(learning.changes()).isZero();
        for (int i = 0; i < 3; i++) {
            learning.learn(movers, 2);
            fadingOnly = fadingOnly.discounted(keep, PRIOR).learn(movers, 2);
        }
        assertThat(learning.changes()).isEqualTo(1);
        assertThat(learning.posterior().predict(movers).expected()).isLessThan(3);
        assertThat(fadingOnly.predict(movers).expected()).isGreaterThan(4);
    }

    @Test
    void aKindWithWeakerEvidenceIsLessCertainInThePrior() {
        double gamma = PRIOR.predict(new SessionContext(option("GAMMA"), 40.0, 900, true).features())
                .uncertainty();
        double alpha = PRIOR.predict(new SessionContext(option("ALPHA"), 10.0, 900, true).features())
                .uncertainty();
        double rehearsal = PRIOR.predict(new SessionContext(option("MENTAL_REHEARSAL"), null, 900, true).features())
                .uncertainty();
        assertThat(gamma).isGreaterThan(alpha);
        assertThat(alpha).isGreaterThan(rehearsal);
    }

    @Test
    void aModelStoredWithFeaturesOfAnotherVersionIsUnreadableSoItIsRebuiltNotMisread() {
        byte[] current = PersonalModel.from(PRIOR).serialize();
        assertThat(PersonalModel.deserialize(current).posterior().mean()).containsExactly(PRIOR.mean());
        byte[] otherVersion = current.clone();
        otherVersion[4] = (byte) (FeatureMap.VERSION + 1);
        assertThatThrownBy(() -> PersonalModel.deserialize(otherVersion))
                .isInstanceOf(PersonalModel.UnreadableModelException.class)
                .hasMessageContaining("features of version");
        byte[] formatOfVersion1 = current.clone();
        formatOfVersion1[0] = 2;
        assertThatThrownBy(() -> PersonalModel.deserialize(formatOfVersion1))
                .isInstanceOf(PersonalModel.UnreadableModelException.class);
        byte[] learnedWithoutChangeDetection = current.clone();
        learnedWithoutChangeDetection[0] = 3;
        assertThatThrownBy(() -> PersonalModel.deserialize(learnedWithoutChangeDetection))
                .isInstanceOf(PersonalModel.UnreadableModelException.class)
                .hasMessageContaining("model format 3");
    }

    @Test
    void afterManyRatingsOfAClearFavouriteOtherKindsAreStillTriedNowAndThen() {
        RatingPosterior posterior = PRIOR;
        double keep = new ModelSettings(null, null, 20, 60).keep();
        double[] movers = new SessionContext(option("MOVERS"), null, 900, true).features();
        for (int i = 0; i < 500; i++) {
            posterior = posterior.discounted(keep, PRIOR).learn(movers, 5);
        }
        List<Recommender.Candidate> candidates =
                Recommender.candidates(TrainingOption.of(null), ModelPriors.namedHz(EVIDENCE), Chronotype.BEAR, null);
        SplittableRandom random = new SplittableRandom(19);
        long others = 0;
        for (int i = 0; i < 1000; i++) {
            if (!Recommender.choose(posterior, candidates, random)
                    .context()
                    .option()
                    .equals(option("MOVERS"))) {
                others++;
            }
        }
        assertThat(others).as("proposals of other kinds in 1000").isBetween(1L, 500L);
    }

    private static double bestBeat(double[] weights, TrainingOption option) {
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        BrainwaveTarget target = option.target();
        for (double hz = target.lowHz(); hz <= target.highHz() + 1e-9; hz += 0.1) {
            double score = RatingPosterior.dot(weights, new SessionContext(option, hz, 900, true).features());
            if (score > bestScore) {
                bestScore = score;
                best = Math.round(hz * 10) / 10.0;
            }
        }
        return best;
    }

    private static TrainingOption option(String kind) {
        return switch (kind) {
            case "MOVERS", "PFC_GYM", "MENTAL_REHEARSAL" -> new TrainingOption(ModuleType.valueOf(kind), null);
            default -> new TrainingOption(ModuleType.BRAINWAVE, BrainwaveTarget.valueOf(kind));
        };
    }
}
