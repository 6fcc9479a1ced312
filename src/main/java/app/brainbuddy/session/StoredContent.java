package app.brainbuddy.session;

import app.brainbuddy.graphql.QueryCost;
import app.brainbuddy.mongo.StoredEnums;
import app.brainbuddy.session.RoutineSessionContent.HabitDrill;
import app.brainbuddy.session.RoutineSessionContent.Intensity;
import app.brainbuddy.session.RoutineSessionContent.RoutineBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one place that knows the keys of a session's stored {@code generated_content}: it writes the
 * typed content's parts there, and reads any stored shape back as the closest typed content. The seed
 * data has only {@code frequency} and {@code duration}; older clients stored anything. Whatever is
 * missing takes the generator's defaults, and what cannot be typed reads as {@link UnknownSessionContent},
 * never as an error.
 */
final class StoredContent {

    static final double DEFAULT_CARRIER_HZ = 200;
    static final double DEFAULT_FADE_SECONDS = 5;
    /** Peak amplitude of the rendering, -12 dBFS: room to turn up, far from clipping. */
    static final double DEFAULT_LEVEL = 0.25;

    static final Pulse DEFAULT_PULSE_SHAPE = new Pulse(0, 0.5, PulseShape.RAISED_COSINE);

    /** Tones the renderer accepts: audible, below the 22.05 kHz rate's Nyquist limit. */
    private static final double LOWEST_TONE_HZ = 20;

    private static final double HIGHEST_TONE_HZ = 10_000;

    static final String MIXED_EVIDENCE =
            "The evidence for brainwave entrainment is mixed: reviews report small or inconsistent effects, and"
                    + " entrainment of EEG rhythms is not established. Treat this as an experiment and rate how it worked.";

    private StoredContent() {}

    /** The stored form of a brainwave session's audio, merged into its {@code generated_content}. */
    static Map<String, Object> write(BrainwaveSessionContent content) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("frequency", content.beatHz());
        stored.put("duration", content.durationSeconds());
        stored.put("carrier_frequency", content.carrierHz());
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("method", StoredEnums.stored(content.delivery()));
        delivery.put("headphones_required", content.headphonesRequired());
        if (content.leftEarHz() != null) {
            delivery.put("left_ear_hz", content.leftEarHz());
            delivery.put("right_ear_hz", content.rightEarHz());
        }
        if (content.delivery() == BeatDelivery.MONAURAL) {
            delivery.put("tones_hz", content.tonesHz());
        }
        Pulse pulse = content.pulse();
        if (pulse != null) {
            delivery.put("tone_hz", content.carrierHz());
            delivery.put("pulse_rate_hz", pulse.rateHz());
            delivery.put("duty_cycle", pulse.dutyCycle());
            delivery.put("pulse_shape", StoredEnums.stored(pulse.shape()));
        }
        delivery.put("why", content.deliveryReason());
        stored.put("delivery", delivery);
        stored.put("fade_in_seconds", content.fadeInSeconds());
        stored.put("fade_out_seconds", content.fadeOutSeconds());
        stored.put("level", content.suggestedLevel());
        stored.put("evidence_note", content.evidenceNote());
        return stored;
    }

    /** The routine's stored form: blocks under {@code routine}, the habit drill under {@code habit_drill}. */
    static Map<String, Object> write(RoutineSessionContent content) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("duration", content.durationSeconds());
        stored.put("intensity", StoredEnums.stored(content.intensity()));
        stored.put(
                "routine",
                content.blocks().stream()
                        .map(block -> Map.of(
                                "id", block.id(),
                                "title", block.title(),
                                "seconds", block.seconds(),
                                "intensity", StoredEnums.stored(block.intensity()),
                                "steps", block.steps()))
                        .toList());
        HabitDrill drill = content.habitDrill();
        if (drill != null) {
            stored.put(
                    "habit_drill",
                    Map.of(
                            "habit_id", drill.habitId(),
                            "trigger", drill.trigger(),
                            "technique", drill.technique(),
                            "duration", drill.durationSeconds(),
                            "evidence_note", drill.evidenceNote()));
        }
        return stored;
    }

    static Map<String, Object> write(TimingAdvice timing) {
        return Map.of(
                "chronotype", timing.chronotype(),
                "local_hour", timing.localHour(),
                "peak_window", timing.peakWindow(),
                "in_peak", timing.inPeak(),
                "advice", timing.advice());
    }

    /** The session's content, typed; never throws, whatever was stored. */
    static SessionContent read(TrainingSession session) {
        try {
            return session.moduleType() == ModuleType.BRAINWAVE ? brainwave(session) : routine(session);
        } catch (RuntimeException e) {
            return new UnknownSessionContent(
                    session.durationSeconds(), "The stored content does not have the expected shape.");
        }
    }

    private static SessionContent brainwave(TrainingSession session) {
        Map<String, Object> stored = session.generatedContent();
        BrainwaveTarget target = session.brainwaveTarget();
        Double beat = tenths(stored.get("frequency"));
        if (target == null || beat == null || beat <= 0) {
            return new UnknownSessionContent(
                    session.durationSeconds(), "Stored without a beat frequency, so there is nothing to play.");
        }
        Map<String, Object> delivery = map(stored.get("delivery"));
        BeatDelivery method = parse(BeatDelivery.class, delivery.get("method"));
        if (method == null) {
            method = target.delivery(true);
        }
        Double carrier = tenths(stored.get("carrier_frequency"));
        if (carrier == null || carrier < LOWEST_TONE_HZ || carrier + beat > HIGHEST_TONE_HZ) {
            carrier = DEFAULT_CARRIER_HZ;
        }
        Pulse pulse = null;
        if (method == BeatDelivery.ISOCHRONIC) {
            Double duty = number(delivery.get("duty_cycle"));
            PulseShape shape = parse(PulseShape.class, delivery.get("pulse_shape"));
            pulse = new Pulse(
                    beat,
                    duty != null && duty > 0 && duty < 1 ? duty : DEFAULT_PULSE_SHAPE.dutyCycle(),
                    shape != null ? shape : DEFAULT_PULSE_SHAPE.shape());
        }
        double longestFade = session.durationSeconds() / 2.0;
        Object reason = delivery.get("why");
        return new BrainwaveSessionContent(
                session.durationSeconds(),
                method,
                carrier,
                beat,
                pulse,
                between(number(stored.get("fade_in_seconds")), DEFAULT_FADE_SECONDS, longestFade),
                between(number(stored.get("fade_out_seconds")), DEFAULT_FADE_SECONDS, longestFade),
                between(number(stored.get("level")), DEFAULT_LEVEL, 1),
                reason instanceof String text ? text : DeliveryChoice.reasonWithoutEvidence(method),
                stored.get("evidence_note") instanceof String note ? note : MIXED_EVIDENCE,
                timing(stored.get("timing")));
    }

    private static SessionContent routine(TrainingSession session) {
        Map<String, Object> stored = session.generatedContent();
        if (!(stored.get("routine") instanceof List<?> items) || items.isEmpty()) {
            return new UnknownSessionContent(session.durationSeconds(), "Stored without routine blocks.");
        }
        List<RoutineBlock> blocks = new ArrayList<>();
        // a client may have stored any list here: reading at most what the cost model counts keeps answers bounded
        for (Object item : items.subList(0, Math.min(items.size(), QueryCost.MAX_ROUTINE_BLOCKS))) {
            Map<String, Object> block = map(item);
            Intensity intensity = parse(Intensity.class, block.get("intensity"));
            blocks.add(new RoutineBlock(
                    String.valueOf(block.getOrDefault("id", "block-" + blocks.size())),
                    (String) block.get("title"),
                    ((Number) block.get("seconds")).intValue(),
                    intensity == null ? Intensity.LIGHT : intensity,
                    block.get("steps") instanceof List<?> steps
                            ? steps.stream()
                                    .limit(QueryCost.MAX_ROUTINE_STEPS)
                                    .map(String::valueOf)
                                    .toList()
                            : List.of()));
        }
        Intensity intensity = parse(Intensity.class, stored.get("intensity"));
        Map<String, Object> drill = map(stored.get("habit_drill"));
        return new RoutineSessionContent(
                session.durationSeconds(),
                intensity == null ? blocks.get(0).intensity() : intensity,
                List.copyOf(blocks),
                drill.isEmpty()
                        ? null
                        : new HabitDrill(
                                (String) drill.get("habit_id"),
                                (String) drill.get("trigger"),
                                (String) drill.get("technique"),
                                ((Number) drill.get("duration")).intValue(),
                                (String) drill.get("evidence_note")),
                timing(stored.get("timing")));
    }

    private static @Nullable TimingAdvice timing(@Nullable Object stored) {
        Map<String, Object> timing = map(stored);
        if (timing.isEmpty()) {
            return null;
        }
        return new TimingAdvice(
                (String) timing.get("chronotype"),
                ((Number) timing.get("local_hour")).intValue(),
                (String) timing.get("peak_window"),
                (Boolean) timing.get("in_peak"),
                (String) timing.get("advice"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable Object stored) {
        if (!(stored instanceof String name)) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name.toUpperCase(Locale.ROOT))) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable Double number(@Nullable Object value) {
        return value instanceof Number number && Double.isFinite(number.doubleValue()) ? number.doubleValue() : null;
    }

    /** A frequency to 0.1 Hz, the grid every tone is rendered on. */
    private static @Nullable Double tenths(@Nullable Object value) {
        Double hz = number(value);
        return hz == null ? null : Math.round(hz * 10) / 10.0;
    }

    private static double between(@Nullable Double value, double fallback, double highest) {
        return value == null || value < 0 ? Math.min(fallback, highest) : Math.min(value, highest);
    }
}
