package app.brainbuddy.model;

import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.TrainingOption;
import app.brainbuddy.session.TrainingSession;
import app.brainbuddy.user.Chronotype;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the model knows of a session before it happens: its kind, beat, duration, and whether it falls
 * in the kind's best window ({@link TimingPlan}); as a feature vector laid out by {@link FeatureMap}.
 */
record SessionContext(TrainingOption option, @Nullable Double frequency, int durationSeconds, boolean inWindow) {

    /**
     * The context of a rated session. Generated content records the local hour it was started at; for
     * a session recorded on a device, the UTC hour of its timestamp stands in for the local hour.
     */
    static SessionContext of(TrainingSession session, Chronotype chronotype) {
        Map<String, Object> content = session.generatedContent();
        int hour = content.get("timing") instanceof Map<?, ?> timing && timing.get("local_hour") instanceof Number local
                ? local.intValue()
                : session.timestamp().atZone(ZoneOffset.UTC).getHour();
        TrainingOption option = new TrainingOption(session.moduleType(), session.brainwaveTarget());
        Double frequency = session.brainwaveTarget() != null && content.get("frequency") instanceof Number hz
                ? hz.doubleValue()
                : null;
        return new SessionContext(
                option,
                frequency,
                session.durationSeconds(),
                TimingPlan.window(option, chronotype).contains(hour));
    }

    double[] features() {
        double[] x = new double[FeatureMap.DIMENSION];
        x[FeatureMap.module(option)] = 1;
        BrainwaveTarget target = option.target();
        if (target != null) {
            x[FeatureMap.band(target)] = 1;
            if (frequency != null) {
                double offset = FeatureMap.beatOffset(target, frequency);
                x[FeatureMap.beat(target)] = offset;
                x[FeatureMap.beatSquared(target)] = offset * offset;
            }
        }
        double duration = FeatureMap.durationScale(durationSeconds);
        x[FeatureMap.DURATION] = duration;
        x[FeatureMap.DURATION_SQUARED] = duration * duration;
        x[FeatureMap.timing(option)] = inWindow ? 0.5 : -0.5;
        return x;
    }
}
