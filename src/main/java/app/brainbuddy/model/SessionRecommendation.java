package app.brainbuddy.model;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.session.BeatDelivery;
import app.brainbuddy.session.BrainwaveTarget;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.user.HourWindow;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A concrete session to start next, its best time today and why, what the model expects of it, and why. */
record SessionRecommendation(
        ModuleType moduleType,
        @Nullable BrainwaveTarget brainwaveTarget,
        @Nullable Double frequency,
        int durationSeconds,
        HourWindow window,
        double expectedRating,
        double uncertainty,
        ModelPhase phase,
        String reason,
        String timing,
        List<BrainKnowledge> evidence,
        @Nullable BeatDelivery delivery) {}
