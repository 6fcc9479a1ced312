package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.session.StarterEvidence;
import app.brainbuddy.session.TrainingOption;
import app.brainbuddy.user.Chronotype;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recommender against baselines, on synthetic users whose preferences it cannot see: each user
 * has a hidden expected rating for every kind of session, a best beat per band, a best duration and,
 * in one scenario, hours at which kinds suit them; they rate what is proposed with noise (sd 0.8,
 * rounded to 1–5). Everybody starts from the prior the shipped knowledge base gives. Deterministic
 * (fixed seeds); prints its table, which docs/personal-model.md carries.
 *
 * <p>Policies: random (any candidate), prior (the prior's best, never learning), greedy (learns, always
 * the posterior mean, no exploring), today (the recommender before issue 19, {@link TodaysRecommender})
 * and new (this server's: Thompson sampling throughout, ratings fading with a half-life of 60, starting again on a
 * detected change, {@link Learning}); in the switch scenario also new told of the switch (a reference, not a
 * baseline: what starting afresh at exactly the right rating achieves).
 */
class RecommenderSimulationTests {

    static final int USERS = 100;

    /** Other users for the same figures: {@code -Dsim.seedOffset=5000} checks that the targets are not tuned to these. */
    static final long SEED_OFFSET = Long.getLong("sim.seedOffset", 0);

    static final double NOISE_SD = 0.8;
    static final double HALF_LIFE = 60;
    static final double BEAT_FALLOFF = 4;
    static final double DURATION_FALLOFF = 0.3;
    static final int BLOCK = 20;

    static final Map<TrainingOption, List<BrainKnowledge>> EVIDENCE = StarterEvidence.byOption();
    static final List<TrainingOption> KINDS = TrainingOption.of(null);
    static final Map<BrainwaveTarget, Double> NAMED_HZ = ModelPriors.namedHz(EVIDENCE);
    static final RatingPosterior PRIOR = ModelPrior.of(EVIDENCE);
    static final TrainingOption ALPHA = new TrainingOption(ModuleType.BRAINWAVE, BrainwaveTarget.ALPHA);
    static final TrainingOption WEAKEST = KINDS.stream()
            .min(Comparator.comparingDouble(kind -> ModelPrior.expectedRating(EVIDENCE.get(kind))))
            .orElseThrow();

    enum Policy {
        RANDOM,
        PRIOR,
        GREEDY,
        TODAY,
        NEW,
        /** New, learning the mean of the rating and an effectiveness score that tracks the same experience. */
        NEW_WITH_TRACKING_EFFECTIVENESS,
        /** New, learning the mean of the rating and an effectiveness score unrelated to it. */
        NEW_WITH_UNRELATED_EFFECTIVENESS,
        /** New, told when the preference switches: it starts afresh from the prior at that rating. */
        NEW_TOLD_OF_THE_SWITCH;

        /** The effectiveness variants run in the small-gap scenario only: they answer one question. */
        boolean runsIn(Scenario scenario) {
            return switch (this) {
                case NEW_WITH_TRACKING_EFFECTIVENESS, NEW_WITH_UNRELATED_EFFECTIVENESS ->
                    scenario == Scenario.SMALL_GAP;
                case NEW_TOLD_OF_THE_SWITCH -> scenario == Scenario.SWITCH;
                default -> true;
            };
        }
    }

    enum Scenario {
        WIDE_GAP("wide gap: best 4.5, others 2.5 ± 0.5", 60),
        SMALL_GAP("small gap: best 3.3, others 2.5 ± 0.5", 60),
        WEAKEST_EVIDENCE("best (4.0) is the kind with the weakest evidence, others at their prior − 0…0.6", 60),
        INTERIOR_BEAT("alpha best (4.2) at a hidden beat of 9–11.5 Hz, others 2.5 ± 0.5", 60),
        SWITCH("best 4.5 switches to another kind after rating 40", 100),
        TIMING("an alerting kind best (4.3) in the peak, a calming kind in its window, asked at 07–23 h", 60);

        final String description;
        final int ratings;

        Scenario(String description, int ratings) {
            this.description = description;
            this.ratings = ratings;
        }
    }

    static final Map<Scenario, Map<Policy, Outcome>> RESULTS = new EnumMap<>(Scenario.class);

    @BeforeAll
    static void simulate() {
        long started = System.nanoTime();
        // scenarios in parallel: each user's seeds are fixed, so the figures do not depend on the threads
        Arrays.stream(Scenario.values())
                .parallel()
                .map(scenario -> {
                    Map<Policy, Outcome> outcomes = new EnumMap<>(Policy.class);
                    for (Policy policy : Policy.values()) {
                        if (policy.runsIn(scenario)) {
                            outcomes.put(policy, run(scenario, policy));
                        }
                    }
                    return Map.entry(scenario, outcomes);
                })
                .toList()
                .forEach(entry -> RESULTS.put(entry.getKey(), entry.getValue()));
        System.out.println(table());
        System.out.printf("simulated in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @Test
    void inEveryScenarioRegretInRatings41To60IsBelowTodaysRecommender() {
        RESULTS.forEach(
                (scenario, outcomes) -> assertThat(outcomes.get(Policy.NEW).regret(40, 60))
                        .as(scenario + ": regret 41-60 against today's recommender")
                        .isLessThan(outcomes.get(Policy.TODAY).regret(40, 60)));
    }

    /**
     * The target of at most 40% of random's regret over ratings 41-60 holds in every scenario but the switch:
     * there ratings 41-60 are the first twenty after the switch, and even a recommender told of the switch, starting
     * afresh from the prior at rating 41, misses it (a cold start costs more than 40% of random's regret in its first
     * twenty ratings). So the switch scenario is held to the bound over ratings 81-100, to 55% of random's over 41-60,
     * and to within 30% of the told recommender; docs/personal-model.md reports the miss.
     */
    @Test
    void regretInRatings41To60IsAtMost40PercentOfRandomExceptJustAfterASwitch() {
        RESULTS.forEach((scenario, outcomes) -> {
            int from = scenario == Scenario.SWITCH ? 80 : 40;
            assertThat(outcomes.get(Policy.NEW).regret(from, from + BLOCK))
                    .as("%s: regret %d-%d against 40%% of random's", scenario, from + 1, from + BLOCK)
                    .isLessThanOrEqualTo(0.4 * outcomes.get(Policy.RANDOM).regret(from, from + BLOCK));
        });
    }

    @Test
    void justAfterASwitchRegretIsCloseToThatOfARecommenderToldOfIt() {
        Map<Policy, Outcome> switched = RESULTS.get(Scenario.SWITCH);
        double random = switched.get(Policy.RANDOM).regret(40, 60);
        double told = switched.get(Policy.NEW_TOLD_OF_THE_SWITCH).regret(40, 60);
        double mine = switched.get(Policy.NEW).regret(40, 60);
        assertThat(told)
                .as("told of the switch, against 40% of random's: why the issue's bound is out of reach here")
                .isGreaterThan(0.4 * random);
        assertThat(mine).as("against 55% of random's").isLessThanOrEqualTo(0.55 * random);
        assertThat(mine).as("against 130% of the told recommender's").isLessThanOrEqualTo(1.3 * told);
        assertThat(mine)
                .as("against greedy's")
                .isLessThan(switched.get(Policy.GREEDY).regret(40, 60));
        assertThat(switched.get(Policy.NEW).recovery(40))
                .as("recovery in ratings")
                .isBetween(1, 10);
    }

    /**
     * Within ±0.5 Hz for at least 70% of users (71%, 71% and 80% on three seed sets), not 80%: half a hertz from the
     * best alpha beat costs 0.04 rating points against noise of 0.8, and a wider beat draw that reaches 80% raises the
     * regret of other scenarios to today's recommender's (see {@link Recommender#BEAT_SPREAD}).
     */
    @Test
    void theInteriorBestBeatIsFoundWithinHalfAHertzBy60RatingsForMostUsers() {
        Outcome mine = RESULTS.get(Scenario.INTERIOR_BEAT).get(Policy.NEW);
        Outcome today = RESULTS.get(Scenario.INTERIOR_BEAT).get(Policy.TODAY);
        assertThat(mine.shareWithinHalfHertz()).isGreaterThanOrEqualTo(0.7);
        assertThat(mine.shareWithinHalfHertz()).isGreaterThan(today.shareWithinHalfHertz());
        assertThat(mine.medianBeatError()).isLessThanOrEqualTo(0.5).isLessThan(today.medianBeatError());
    }

    /** The issue found the best kind for 41.5% of such users when it was the one with the weakest evidence. */
    @Test
    void theKindWithTheWeakestEvidenceIsFoundWhenItIsBest() {
        Map<Policy, Outcome> weakest = RESULTS.get(Scenario.WEAKEST_EVIDENCE);
        assertThat(weakest.get(Policy.NEW).bestShare(40, 60))
                .isGreaterThanOrEqualTo(1 / 3.0)
                .isGreaterThan(weakest.get(Policy.TODAY).bestShare(40, 60))
                .isGreaterThan(weakest.get(Policy.PRIOR).bestShare(40, 60));
    }

    @Test
    void afterASwitchTheNewBestIsPickedInAtLeast60PercentOfRatings81To100() {
        Outcome mine = RESULTS.get(Scenario.SWITCH).get(Policy.NEW);
        assertThat(mine.bestShare(80, 100)).isGreaterThanOrEqualTo(0.6);
        assertThat(mine.bestShare(80, 100))
                .isGreaterThan(RESULTS.get(Scenario.SWITCH).get(Policy.TODAY).bestShare(80, 100));
    }

    static Outcome run(Scenario scenario, Policy policy) {
        Outcome outcome = new Outcome(scenario.ratings);
        for (int user = 0; user < USERS; user++) {
            long seed = 1_000_003L * (scenario.ordinal() + 1) + user + SEED_OFFSET;
            Taste taste = Taste.of(scenario, new SplittableRandom(seed));
            SplittableRandom hours = new SplittableRandom(seed ^ 0x5DEECE66DL);
            SplittableRandom random = new SplittableRandom(seed * 31 + policy.ordinal());
            Learner learner = new Learner(policy, taste.chronotype);
            for (int round = 0; round < scenario.ratings; round++) {
                if (policy == Policy.NEW_TOLD_OF_THE_SWITCH && round == taste.switchAt) {
                    learner = new Learner(policy, taste.chronotype);
                }
                Integer hour = scenario == Scenario.TIMING ? 7 + hours.nextInt(17) : null;
                Session chosen = learner.choose(hour, random);
                double expected = taste.mean(round, chosen, hour);
                outcome.add(
                        round,
                        taste.bestMean(round, hour) - expected,
                        chosen.option().equals(taste.best(round, hour)));
                int rating = (int) Math.max(1, Math.min(5, Math.round(expected + NOISE_SD * gaussian(random))));
                double learned = switch (policy) {
                    case NEW_WITH_TRACKING_EFFECTIVENESS ->
                        (rating + 1 + 4 * Math.max(0, Math.min(1, (expected - 1) / 4 + 0.2 * gaussian(random)))) / 2;
                    case NEW_WITH_UNRELATED_EFFECTIVENESS -> (rating + 1 + 4 * random.nextDouble()) / 2;
                    default -> rating;
                };
                learner.learn(chosen, hour, learned);
            }
            outcome.changes += learner.learning.changes();
            if (scenario == Scenario.INTERIOR_BEAT) {
                Double found = learner.bestAlphaBeat();
                if (found != null) {
                    outcome.beatErrors.add(Math.abs(found - taste.bestHz.get(BrainwaveTarget.ALPHA)));
                }
            }
        }
        return outcome;
    }

    /** A proposed session, whichever recommender proposed it. */
    record Session(TrainingOption option, @Nullable Double frequency, int durationSeconds) {}

    /** One policy's state for one user. */
    static final class Learner {

        private static final List<TodaysRecommender.Proposal> TODAYS = TodaysRecommender.candidates();
        private static final double KEEP = Math.pow(2, -1 / HALF_LIFE);
        private static final double[] PRIOR_MEAN = PRIOR.mean();
        private static final Map<String, List<Recommender.Candidate>> CANDIDATES = new ConcurrentHashMap<>();

        private final Policy policy;
        private final Chronotype chronotype;
        private RatingPosterior posterior;
        final Learning learning = new Learning(PRIOR, KEEP);
        private int ratings;

        Learner(Policy policy, Chronotype chronotype) {
            this.policy = policy;
            this.chronotype = chronotype;
            this.posterior = policy == Policy.TODAY ? TodaysRecommender.prior(EVIDENCE) : PRIOR;
        }

        Session choose(@Nullable Integer hour, SplittableRandom random) {
            if (policy == Policy.TODAY) {
                TodaysRecommender.Proposal proposal = TodaysRecommender.choose(posterior, ratings, TODAYS, random);
                return new Session(proposal.option(), proposal.frequency(), proposal.durationSeconds());
            }
            List<Recommender.Candidate> candidates = CANDIDATES.computeIfAbsent(
                    chronotype.name() + hour, key -> Recommender.candidates(KINDS, NAMED_HZ, chronotype, hour));
            SessionContext context = switch (policy) {
                case RANDOM -> candidates.get(random.nextInt(candidates.size())).context();
                case PRIOR -> Recommender.best(PRIOR_MEAN, candidates).context();
                case GREEDY -> Recommender.best(posterior.mean(), candidates).context();
                default -> Recommender.choose(posterior, candidates, random).context();
            };
            return new Session(context.option(), context.frequency(), context.durationSeconds());
        }

        void learn(Session session, @Nullable Integer hour, double rating) {
            ratings++;
            switch (policy) {
                case RANDOM, PRIOR -> {}
                case TODAY -> {
                    boolean inPeak = hour == null || chronotype.peak().contains(hour);
                    TodaysRecommender.Proposal proposal = new TodaysRecommender.Proposal(
                            session.option(), session.frequency(), session.durationSeconds());
                    posterior = posterior.learn(TodaysRecommender.features(proposal, inPeak), rating);
                }
                case GREEDY ->
                    posterior = posterior.learn(context(session, hour).features(), rating);
                default -> {
                    learning.learn(context(session, hour).features(), rating);
                    posterior = learning.posterior();
                }
            }
        }

        private SessionContext context(Session session, @Nullable Integer hour) {
            boolean inWindow = hour == null
                    || TimingPlan.window(session.option(), chronotype).contains(hour);
            return new SessionContext(session.option(), session.frequency(), session.durationSeconds(), inWindow);
        }

        /** The alpha beat this policy now expects best, to 0.1 Hz; null for policies that do not learn. */
        @Nullable
        Double bestAlphaBeat() {
            if (policy == Policy.RANDOM || policy == Policy.PRIOR) {
                return null;
            }
            double[] mean = posterior.mean();
            if (policy == Policy.TODAY) {
                return TODAYS.stream()
                        .filter(proposal -> proposal.option().equals(ALPHA))
                        .max(Comparator.comparingDouble(
                                proposal -> RatingPosterior.dot(mean, TodaysRecommender.features(proposal, true))))
                        .orElseThrow()
                        .frequency();
            }
            double best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int tenth = 80; tenth <= 130; tenth++) {
                double score = RatingPosterior.dot(mean, new SessionContext(ALPHA, tenth / 10.0, 900, true).features());
                if (score > bestScore) {
                    bestScore = score;
                    best = tenth / 10.0;
                }
            }
            return best;
        }
    }

    /** A user's hidden preferences. */
    static final class Taste {

        final Map<TrainingOption, Double> base = new LinkedHashMap<>();
        final Map<TrainingOption, Double> afterSwitch = new LinkedHashMap<>();
        final Map<BrainwaveTarget, Double> bestHz = new EnumMap<>(BrainwaveTarget.class);
        Chronotype chronotype;
        double bestDurationLog2;
        int switchAt = Integer.MAX_VALUE;

        @Nullable
        TrainingOption peakKind;

        @Nullable
        TrainingOption windowKind;

        static Taste of(Scenario scenario, SplittableRandom random) {
            Taste taste = new Taste();
            taste.chronotype = Chronotype.values()[random.nextInt(Chronotype.values().length)];
            taste.bestDurationLog2 = random.nextDouble(-1, 1);
            for (BrainwaveTarget target : BrainwaveTarget.values()) {
                double width = target.highHz() - target.lowHz();
                taste.bestHz.put(target, NAMED_HZ.get(target) + random.nextDouble(-0.2, 0.2) * width);
            }
            for (TrainingOption kind : KINDS) {
                taste.base.put(kind, 2.5 + random.nextDouble(-0.5, 0.5));
            }
            TrainingOption best = KINDS.get(random.nextInt(KINDS.size()));
            switch (scenario) {
                case WIDE_GAP -> taste.base.put(best, 4.5);
                case SMALL_GAP -> taste.base.put(best, 3.3);
                case WEAKEST_EVIDENCE -> {
                    for (TrainingOption kind : KINDS) {
                        taste.base.put(kind, ModelPrior.expectedRating(EVIDENCE.get(kind)) - random.nextDouble(0, 0.6));
                    }
                    taste.base.put(WEAKEST, 4.0);
                }
                case INTERIOR_BEAT -> {
                    taste.base.put(ALPHA, 4.2);
                    taste.bestHz.put(BrainwaveTarget.ALPHA, random.nextDouble(9, 11.5));
                }
                case SWITCH -> {
                    taste.base.put(best, 4.5);
                    TrainingOption next = KINDS.stream()
                            .filter(kind -> !kind.equals(best))
                            .toList()
                            .get(random.nextInt(KINDS.size() - 1));
                    taste.afterSwitch.putAll(taste.base);
                    taste.afterSwitch.put(best, 2.5 + random.nextDouble(-0.5, 0.5));
                    taste.afterSwitch.put(next, 4.5);
                    taste.switchAt = 40;
                }
                case TIMING -> {
                    List<TrainingOption> alerting = KINDS.stream()
                            .filter(kind -> TimingPlan.slot(kind) == TimingPlan.Slot.PEAK)
                            .toList();
                    List<TrainingOption> calming = KINDS.stream()
                            .filter(kind -> TimingPlan.slot(kind) != TimingPlan.Slot.PEAK)
                            .toList();
                    taste.peakKind = alerting.get(random.nextInt(alerting.size()));
                    taste.windowKind = calming.get(random.nextInt(calming.size()));
                }
            }
            return taste;
        }

        double kindMean(int round, TrainingOption kind, @Nullable Integer hour) {
            if (hour != null && kind.equals(peakKind)) {
                return chronotype.peak().contains(hour) ? 4.3 : 2.6;
            }
            if (hour != null && kind.equals(windowKind)) {
                return TimingPlan.window(kind, chronotype).contains(hour) ? 4.3 : 2.6;
            }
            return (round >= switchAt ? afterSwitch : base).get(kind);
        }

        double mean(int round, Session session, @Nullable Integer hour) {
            double mean = kindMean(round, session.option(), hour);
            BrainwaveTarget target = session.option().target();
            if (target != null && session.frequency() != null) {
                double offset = (session.frequency() - bestHz.get(target)) / (target.highHz() - target.lowHz());
                mean -= BEAT_FALLOFF * offset * offset;
            }
            double duration = Math.log(session.durationSeconds() / 900.0) / Math.log(2) - bestDurationLog2;
            return mean - DURATION_FALLOFF * duration * duration;
        }

        TrainingOption best(int round, @Nullable Integer hour) {
            return KINDS.stream()
                    .max(Comparator.comparingDouble(kind -> kindMean(round, kind, hour)))
                    .orElseThrow();
        }

        /** The best a session can rate: the best kind at its best beat and duration. */
        double bestMean(int round, @Nullable Integer hour) {
            return kindMean(round, best(round, hour), hour);
        }
    }

    /** A policy's figures over all users of a scenario. */
    static final class Outcome {

        final double[] regret;
        final int[] bestPicks;
        final List<Double> beatErrors = new ArrayList<>();
        int changes;

        Outcome(int ratings) {
            regret = new double[ratings];
            bestPicks = new int[ratings];
        }

        void add(int round, double regret, boolean best) {
            this.regret[round] += regret;
            if (best) {
                bestPicks[round]++;
            }
        }

        /** Mean regret per user over ratings from+1 to to. */
        double regret(int from, int to) {
            return Arrays.stream(regret, from, to).sum() / USERS;
        }

        double bestShare(int from, int to) {
            return (double) Arrays.stream(bestPicks, from, to).sum() / (USERS * (to - from));
        }

        /** The first rating after the switch from which the new best is picked in half of the next ten. */
        int recovery(int switchAt) {
            for (int round = switchAt; round + 10 <= bestPicks.length; round++) {
                if (Arrays.stream(bestPicks, round, round + 10).sum() >= USERS * 10 / 2) {
                    return round - switchAt + 1;
                }
            }
            return -1;
        }

        double medianBeatError() {
            List<Double> sorted = beatErrors.stream().sorted().toList();
            return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
        }

        double shareWithinHalfHertz() {
            return beatErrors.stream().filter(error -> error <= 0.5).count() / (double) beatErrors.size();
        }
    }

    static String table() {
        StringBuilder out = new StringBuilder(
                "Recommender simulation: %d users per scenario, rating noise sd %.1f, half-life %.0f%n"
                        .formatted(USERS, NOISE_SD, HALF_LIFE));
        out.append("| scenario | policy | regret 1-20 | 21-40 | 41-60 | 61-80 | 81-100 | best share 41-60 | other |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        RESULTS.forEach((scenario, outcomes) -> outcomes.forEach((policy, outcome) -> {
            StringBuilder row = new StringBuilder("| %s | %s |"
                    .formatted(scenario.name().toLowerCase(), policy.name().toLowerCase()));
            for (int block = 0; block < 5; block++) {
                int from = block * BLOCK;
                row.append(from < scenario.ratings ? " %.1f |".formatted(outcome.regret(from, from + BLOCK)) : " |");
            }
            row.append(" %.0f%% |".formatted(100 * outcome.bestShare(40, 60)));
            String other = "";
            if (scenario == Scenario.INTERIOR_BEAT && !outcome.beatErrors.isEmpty()) {
                other = "alpha beat error at 60: median %.2f Hz, within 0.5 Hz %.0f%%"
                        .formatted(outcome.medianBeatError(), 100 * outcome.shareWithinHalfHertz());
            } else if (scenario == Scenario.SWITCH) {
                other = "new best 81-100 %.0f%%, recovery %d ratings"
                        .formatted(100 * outcome.bestShare(80, 100), outcome.recovery(40));
            }
            if (outcome.changes > 0) {
                other += " changes detected %.2f per user".formatted(outcome.changes / (double) USERS);
            }
            out.append(row).append(' ').append(other).append(" |\n");
        }));
        Arrays.stream(Scenario.values())
                .forEach(scenario ->
                        out.append("%s: %s%n".formatted(scenario.name().toLowerCase(), scenario.description)));
        return out.toString();
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
