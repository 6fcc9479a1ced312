package app.brainbuddy.model;

import app.brainbuddy.mongo.StoredEnums;
import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.TrainingOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The model's features by name, in a fixed order that is part of a stored model: {@link #VERSION}
 * changes whenever a name is added, removed or moved, and a model stored under another version is
 * rebuilt from the user's ratings instead of being read with the wrong meaning. Names use the stored
 * (lowercase) enum names, never ordinals, so renaming or reordering a Java enum changes nothing here.
 *
 * <p>Per kind of session an intercept ({@code module:*} plus {@code band:*} for BRAINWAVE) and a
 * timing weight ({@code timing:*}: in the kind's best window or not); per band the beat's distance
 * from the band's reference frequency and its square, so the best beat can lie inside the band;
 * and duration (log₂ of seconds / 15 minutes) with its square, so the best duration can lie between
 * the shortest and the longest.
 */
final class FeatureMap {

    /** 1 was the 12 linear features of the first release; 2 is this map. */
    static final int VERSION = 2;

    /**
     * Each band's reference beat in Hz: the frequency the knowledge base's evidence names for it when
     * this version was made (alpha 10 Hz and gamma 40 Hz for focus, beta 20 Hz for memory, theta 5 Hz
     * for pain, delta 3 Hz for deep sleep). Fixed with the version; the prior follows the knowledge
     * base when an entry names another frequency.
     */
    static final Map<BrainwaveTarget, Double> REFERENCE_HZ = Map.of(
            BrainwaveTarget.ALPHA, 10.0,
            BrainwaveTarget.BETA, 20.0,
            BrainwaveTarget.THETA, 5.0,
            BrainwaveTarget.DELTA, 3.0,
            BrainwaveTarget.GAMMA, 40.0);

    static final List<String> NAMES = List.of(
            "module:movers",
            "module:pfc_gym",
            "module:mental_rehearsal",
            "module:brainwave",
            "band:alpha",
            "band:beta",
            "band:theta",
            "band:delta",
            "band:gamma",
            "beat:alpha",
            "beat²:alpha",
            "beat:beta",
            "beat²:beta",
            "beat:theta",
            "beat²:theta",
            "beat:delta",
            "beat²:delta",
            "beat:gamma",
            "beat²:gamma",
            "duration",
            "duration²",
            "timing:movers",
            "timing:pfc_gym",
            "timing:mental_rehearsal",
            "timing:alpha",
            "timing:beta",
            "timing:theta",
            "timing:delta",
            "timing:gamma");

    static final int DIMENSION = NAMES.size();

    private static final Map<String, Integer> INDEX =
            IntStream.range(0, DIMENSION).boxed().collect(Collectors.toUnmodifiableMap(NAMES::get, i -> i));

    static final int DURATION = index("duration");
    static final int DURATION_SQUARED = index("duration²");

    private FeatureMap() {}

    /** A feature's position; a kind of session this version has no name for fails loudly. */
    static int index(String name) {
        Integer i = INDEX.get(name);
        if (i == null) {
            throw new IllegalStateException("no feature " + name + " in version " + VERSION);
        }
        return i;
    }

    static int module(TrainingOption option) {
        return index("module:" + StoredEnums.stored(option.moduleType()));
    }

    static int band(BrainwaveTarget target) {
        return index("band:" + StoredEnums.stored(target));
    }

    static int beat(BrainwaveTarget target) {
        return index("beat:" + StoredEnums.stored(target));
    }

    static int beatSquared(BrainwaveTarget target) {
        return index("beat²:" + StoredEnums.stored(target));
    }

    /** The timing weight of a kind of session: per band for BRAINWAVE, per module otherwise. */
    static int timing(TrainingOption option) {
        return index("timing:" + kindName(option));
    }

    /** A kind of session as the feature names spell it: the band for BRAINWAVE, the module otherwise. */
    static String kindName(TrainingOption option) {
        return option.target() != null ? StoredEnums.stored(option.target()) : StoredEnums.stored(option.moduleType());
    }

    /** A beat's distance from its band's reference, in band widths. */
    static double beatOffset(BrainwaveTarget target, double hz) {
        return (hz - REFERENCE_HZ.get(target)) / (target.highHz() - target.lowHz());
    }

    /** Duration on the model's scale: log₂ of the seconds over 15 minutes (−1 at 7.5, +1 at 30 minutes). */
    static double durationScale(int seconds) {
        return Math.log(seconds / 900.0) / Math.log(2);
    }
}
