package app.brainbuddy.model;

import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.TrainingOption;
import app.brainbuddy.user.Chronotype;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Picks the next session among concrete candidates: each kind of session at five durations and, for
 * BRAINWAVE, beats in steps of a tenth of the band around the beat the evidence names. Always by
 * Thompson sampling: weights drawn from the posterior score the candidates, so what the model is
 * unsure of keeps being tried now and then, however many ratings it has; as the posterior narrows
 * the draws agree with its mean and exploring becomes rare without ever stopping. The kind and
 * duration come from one tempered draw ({@link #SPREAD}), the beat within the chosen band from a
 * second, wider one ({@link #BEAT_SPREAD}).
 */
final class Recommender {

    static final List<Integer> DURATIONS = List.of(300, 600, 900, 1200, 1800);

    /** Beats on each side of the named one, a tenth of the band apart. */
    static final int BEAT_STEPS = 5;

    /**
     * How widely the weights are drawn, in posterior standard deviations: tempered Thompson sampling.
     * At 1 (plain Thompson) the 29 weights' joint uncertainty makes some candidate look best by chance
     * too often; the simulation's regret over ratings 41-60 (small gap) was 14.7 at 1, 10.8 at 0.7,
     * 8.6 at 0.5 and 7.2 at 0.35, with the other scenarios in the same order.
     */
    static final double SPREAD = 0.35;

    /**
     * The beat of a chosen band and duration is drawn again at this spread, wider than {@link #SPREAD}: a
     * one-dimensional choice, which the tempering needed to choose among many kinds would otherwise starve.
     * A beat 0.5 Hz off the best costs about 0.04 rating points, a twentieth of the rating noise, so naming
     * it takes beats tried around it. Users of the interior-optimum scenario whose best alpha beat the model
     * names within ±0.5 Hz at rating 60 (400 users): 59% without the redraw, 72% at 0.7, 79% at 1.2, 80% at
     * 1.5. The price is regret elsewhere: at 1.5 the small-gap and weakest-evidence regret reached today's
     * recommender's (8.7, 9.3); at 1 the small gap went above it on one of three seed sets (8.4 against
     * 7.7); at 0.7 it stayed below on all three.
     */
    static final double BEAT_SPREAD = 0.7;

    private Recommender() {}

    /**
     * The sessions to choose among at a local hour, each scored in or out of its kind's window; with
     * no hour, each at its best time today. Sleep sessions (theta, delta) are left out during the peak
     * window, when nobody is about to sleep; if nothing is left, the choice is for later today.
     */
    static List<Candidate> candidates(
            List<TrainingOption> options,
            Map<BrainwaveTarget, Double> namedHz,
            Chronotype chronotype,
            @Nullable Integer hour) {
        List<Candidate> candidates = new ArrayList<>();
        for (TrainingOption option : options) {
            boolean sleepNow = TimingPlan.slot(option) == TimingPlan.Slot.BEFORE_SLEEP;
            if (hour != null && sleepNow && chronotype.peak().contains(hour)) {
                continue;
            }
            boolean inWindow =
                    hour == null || TimingPlan.window(option, chronotype).contains(hour);
            BrainwaveTarget target = option.target();
            for (int seconds : DURATIONS) {
                if (target == null) {
                    candidates.add(Candidate.of(new SessionContext(option, null, seconds, inWindow)));
                } else {
                    for (double hz : beats(target, namedHz.get(target))) {
                        candidates.add(Candidate.of(new SessionContext(option, hz, seconds, inWindow)));
                    }
                }
            }
        }
        return candidates.isEmpty() && hour != null ? candidates(options, namedHz, chronotype, null) : candidates;
    }

    /** Beats to 0.1 Hz inside the band: the named one and steps of a tenth of the band on each side. */
    static List<Double> beats(BrainwaveTarget target, double named) {
        double step = (target.highHz() - target.lowHz()) / 10;
        TreeSet<Double> beats = new TreeSet<>();
        for (int i = -BEAT_STEPS; i <= BEAT_STEPS; i++) {
            double hz = Math.max(target.lowHz(), Math.min(target.highHz(), named + i * step));
            beats.add(Math.round(hz * 10) / 10.0);
        }
        return List.copyOf(beats);
    }

    /** Thompson sampling: the best candidate under weights drawn from the posterior, then its beat redrawn. */
    static Candidate choose(RatingPosterior posterior, List<Candidate> candidates, SplittableRandom random) {
        Candidate chosen = best(posterior.sample(random, SPREAD), candidates);
        SessionContext kind = chosen.context();
        if (kind.frequency() == null) {
            return chosen;
        }
        return best(
                posterior.sample(random, BEAT_SPREAD),
                candidates.stream()
                        .filter(candidate -> candidate.context().option().equals(kind.option())
                                && candidate.context().durationSeconds() == kind.durationSeconds())
                        .toList());
    }

    /** The best candidate under these weights. */
    static Candidate best(double[] weights, List<Candidate> candidates) {
        return candidates.stream()
                .max(Comparator.comparingDouble(candidate -> candidate.score(weights)))
                .orElseThrow();
    }

    /** A session to propose and its features, computed once; most are 0, so scoring reads the others. */
    record Candidate(SessionContext context, double[] features, int[] nonZero) {

        static Candidate of(SessionContext context) {
            double[] features = context.features();
            return new Candidate(
                    context,
                    features,
                    IntStream.range(0, features.length)
                            .filter(i -> features[i] != 0)
                            .toArray());
        }

        /** The rating these weights expect of it. */
        double score(double[] weights) {
            double score = 0;
            for (int i : nonZero) {
                score += weights[i] * features[i];
            }
            return score;
        }
    }
}
