package app.brainbuddy.session;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.mongo.StoredEnums;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Content of a brainwave session: a beat frequency inside the target band, taken from the strongest
 * evidence for that band and varied a little by the seed; a carrier tone of 200-500 Hz; and the
 * delivery that fits the band and the listener ({@link BrainwaveTarget#delivery}).
 */
final class BrainwaveContent {

    static final Set<String> STIMULI = Set.of("binaural_beats", "monaural_beats", "isochronic_tones");

    static final double CARRIER_LOW_HZ = 200;
    static final double CARRIER_HIGH_HZ = 500;

    /** How far the seed may move the beat from the evidence's frequency, as a share of the band's width. */
    private static final double JITTER = 0.1;

    private BrainwaveContent() {}

    static GeneratedContent generate(ContentRequest request, List<BrainKnowledge> evidence) {
        BrainwaveTarget target = request.target();
        if (target == null) {
            throw new IllegalArgumentException("a brainwave session needs a target");
        }
        SplittableRandom random = new SplittableRandom(request.seed());
        BeatDelivery delivery = target.delivery(request.headphones());
        List<BrainKnowledge> used = relevant(target, delivery, evidence);
        double beat;
        if (request.frequency() != null) {
            beat = clamp(Math.round(request.frequency() * 10) / 10.0, target);
        } else {
            beat = beatFrequency(target, namedFrequency(target, used), random);
        }
        double carrier = used.stream()
                .flatMap(entry -> number(entry.stimulusParameters().get("carrier_frequency")))
                .filter(hz -> hz >= CARRIER_LOW_HZ && hz <= CARRIER_HIGH_HZ)
                .findFirst()
                .orElseGet(() ->
                        CARRIER_LOW_HZ + 10 * random.nextInt((int) (CARRIER_HIGH_HZ - CARRIER_LOW_HZ) / 10 + 1));
        DeliveryChoice choice = DeliveryChoice.of(target, beat, request.headphones(), evidence);
        Timing timing = new Timing(request);
        BrainwaveSessionContent typed = new BrainwaveSessionContent(
                request.durationSeconds(),
                delivery,
                carrier,
                beat,
                delivery == BeatDelivery.ISOCHRONIC
                        ? new Pulse(
                                beat,
                                StoredContent.DEFAULT_PULSE_SHAPE.dutyCycle(),
                                StoredContent.DEFAULT_PULSE_SHAPE.shape())
                        : null,
                StoredContent.DEFAULT_FADE_SECONDS,
                StoredContent.DEFAULT_FADE_SECONDS,
                StoredContent.DEFAULT_LEVEL,
                choice.reason(),
                StoredContent.MIXED_EVIDENCE,
                timing.describe());

        Map<String, Object> content = new LinkedHashMap<>(StoredContent.write(typed));
        content.put(
                "band",
                Map.of("name", StoredEnums.stored(target), "low_hz", target.lowHz(), "high_hz", target.highHz()));
        used.stream()
                .map(entry -> entry.stimulusParameters().get("timing"))
                .filter(String.class::isInstance)
                .findFirst()
                .ifPresent(studied -> content.put("studied_timing", studied));
        content.put("timing", StoredContent.write(timing.describe()));
        content.put("seed", request.seed());
        return new GeneratedContent(
                content,
                Stream.of(used, choice.evidence(), Timing.evidence(evidence))
                        .flatMap(List::stream)
                        .map(BrainKnowledge::id)
                        .distinct()
                        .toList());
    }

    /**
     * The entries about this band for its delivery: binaural evidence for binaural beats, binaural and
     * monaural evidence for monaural beats, all entrainment evidence for isochronic pulses.
     */
    static List<BrainKnowledge> relevant(BrainwaveTarget target, BeatDelivery delivery, List<BrainKnowledge> evidence) {
        Set<String> stimuli = switch (delivery) {
            case BINAURAL -> Set.of("binaural_beats");
            case MONAURAL -> Set.of("binaural_beats", DeliveryChoice.MONAURAL_STIMULUS);
            case ISOCHRONIC -> STIMULI;
        };
        return evidence.stream()
                .filter(entry -> stimuli.contains(entry.stimulusType()))
                .filter(entry -> isAbout(entry, target))
                .toList();
    }

    /** The beat the band's strongest evidence names, or the band's middle when none names one. */
    static double namedFrequency(BrainwaveTarget target, List<BrainKnowledge> used) {
        return used.stream()
                .flatMap(BrainwaveContent::beatFrequencies)
                .filter(target::contains)
                .findFirst()
                .orElse((target.lowHz() + target.highHz()) / 2);
    }

    /**
     * A beat frequency inside the band, to 0.1 Hz: the evidenced frequency moved by the seed at most a
     * tenth of the band's width, and kept inside the band whatever the inputs.
     */
    static double beatFrequency(BrainwaveTarget target, double evidenced, SplittableRandom random) {
        double width = target.highHz() - target.lowHz();
        double varied = evidenced + (random.nextDouble() * 2 - 1) * JITTER * width;
        return clamp(Math.round(clamp(varied, target) * 10) / 10.0, target);
    }

    private static double clamp(double hz, BrainwaveTarget target) {
        return Math.max(target.lowHz(), Math.min(target.highHz(), hz));
    }

    /** Whether an entry speaks about this band: by name, as "any"/"various", or by a frequency inside it. */
    private static boolean isAbout(BrainKnowledge entry, BrainwaveTarget target) {
        Object band = entry.stimulusParameters().get("band");
        if (band instanceof String name
                && (name.equals("any") || name.equals("various") || name.contains(StoredEnums.stored(target)))) {
            return true;
        }
        return beatFrequencies(entry).anyMatch(target::contains);
    }

    private static Stream<Double> beatFrequencies(BrainKnowledge entry) {
        Map<String, Object> parameters = entry.stimulusParameters();
        return Stream.concat(number(parameters.get("beat_frequency")), numbers(parameters.get("beat_frequencies")));
    }

    private static Stream<Double> numbers(@Nullable Object value) {
        return value instanceof List<?> list ? list.stream().flatMap(BrainwaveContent::number) : Stream.empty();
    }

    private static Stream<Double> number(@Nullable Object value) {
        return value instanceof Number number ? Stream.of(number.doubleValue()) : Stream.empty();
    }
}
