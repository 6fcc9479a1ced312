package app.brainbuddy.model;

import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.session.TrainingOption;
import app.brainbuddy.session.TrainingSession;
import app.brainbuddy.user.Chronotype;
import java.time.ZoneOffset;
import java.util.Map;
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

    /**
     * The context of a rated session. Generated content says whether it fell in the peak window; for
     * a session recorded on a device, the UTC hour of its timestamp stands in for the local hour.
     */
    static SessionContext of(TrainingSession session, Chronotype chronotype) {
        Map<String, Object> content = session.generatedContent();
        boolean inPeak = content.get("timing") instanceof Map<?, ?> timing
                        && timing.get("in_peak") instanceof Boolean peak
                ? peak
                : chronotype
                        .peak()
                        .contains(session.timestamp().atZone(ZoneOffset.UTC).getHour());
        Double frequency = session.brainwaveTarget() != null && content.get("frequency") instanceof Number hz
                ? hz.doubleValue()
                : null;
        return new SessionContext(
                new TrainingOption(session.moduleType(), session.brainwaveTarget()),
                frequency,
                session.durationSeconds(),
                inPeak);
    }

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
