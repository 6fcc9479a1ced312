package app.brainbuddy.model;

import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.session.TrainingOption;
import org.jspecify.annotations.Nullable;

/**
 * What the model knows of a session before it happens, as a feature vector: which module and band
 * (one-hot; together they act as one intercept per kind of session), where the beat frequency sits
 * in its band, how long it lasts (log scale, 0 at 15 minutes), and whether it falls in the user's
 * chronotype peak window.
 */
record SessionContext(TrainingOption option, @Nullable Double frequency, int durationSeconds, boolean inPeak) {

    static final int DIMENSION = ModuleType.values().length + BrainwaveTarget.values().length + 3;
    static final int BAND_POSITION = DIMENSION - 3;
    static final int DURATION = DIMENSION - 2;
    static final int PEAK = DIMENSION - 1;

    private static final double TYPICAL_SECONDS = 900;
    private static final double DURATION_SCALE = Math.log(8);

    double[] features() {
        double[] x = new double[DIMENSION];
        x[moduleIndex(option.moduleType())] = 1;
        BrainwaveTarget target = option.target();
        if (target != null) {
            x[targetIndex(target)] = 1;
            if (frequency != null) {
                x[BAND_POSITION] = (frequency - target.lowHz()) / (target.highHz() - target.lowHz()) - 0.5;
            }
        }
        x[DURATION] = Math.log(durationSeconds / TYPICAL_SECONDS) / DURATION_SCALE;
        x[PEAK] = inPeak ? 0.5 : -0.5;
        return x;
    }

    static int moduleIndex(ModuleType module) {
        return module.ordinal();
    }

    static int targetIndex(BrainwaveTarget target) {
        return ModuleType.values().length + target.ordinal();
    }
}
