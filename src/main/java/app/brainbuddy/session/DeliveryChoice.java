package app.brainbuddy.session;

import app.brainbuddy.knowledge.BrainKnowledge;
import java.util.List;
import java.util.Optional;

/** Why a brainwave session is delivered as it is, with the knowledge entries that say so. */
record DeliveryChoice(BeatDelivery delivery, String reason, List<BrainKnowledge> evidence) {

    static final String MONAURAL_STIMULUS = "monaural_beats";
    static final String ISOCHRONIC_STIMULUS = "isochronic_tones";

    private static final String WHY_ISOCHRONIC = "Binaural beats are perceived only up to about 30 Hz, so this"
            + " %s Hz beat is delivered as isochronic pulses (one tone switched on and off), which need no headphones.";

    /** The delivery for this band and listener, argued from the strongest entries of the delivery kinds. */
    static DeliveryChoice of(BrainwaveTarget target, double beat, boolean headphones, List<BrainKnowledge> evidence) {
        BeatDelivery delivery = target.delivery(headphones);
        return switch (delivery) {
            case BINAURAL -> new DeliveryChoice(delivery, reasonWithoutEvidence(delivery), List.of());
            case ISOCHRONIC -> new DeliveryChoice(delivery, WHY_ISOCHRONIC.formatted(beat), List.of());
            case MONAURAL -> {
                Optional<BrainKnowledge> monaural = strongest(evidence, MONAURAL_STIMULUS);
                Optional<BrainKnowledge> isochronic = strongest(evidence, ISOCHRONIC_STIMULUS);
                String rating = monaural.isPresent() && isochronic.isPresent()
                        ? " The knowledge base rates monaural beats %.2f (%s) against %.2f for isochronic tones."
                                .formatted(
                                        monaural.get().evidenceStrength(),
                                        monaural.get().outcome().replace('_', ' '),
                                        isochronic.get().evidenceStrength())
                        : "";
                yield new DeliveryChoice(
                        delivery,
                        reasonWithoutEvidence(delivery) + rating,
                        monaural.stream().toList());
            }
        };
    }

    /** The reason for a delivery when no evidence is at hand, as for sessions stored without one. */
    static String reasonWithoutEvidence(BeatDelivery delivery) {
        return switch (delivery) {
            case BINAURAL ->
                "With headphones: binaural beats, one tone per ear, the beat arising in the brain from their difference.";
            case MONAURAL ->
                "Without headphones binaural beats cannot work (each ear must hear only its own tone), so both tones"
                        + " are mixed into both channels: monaural beats, whose beat is in the sound itself.";
            case ISOCHRONIC ->
                "Isochronic pulses: one tone switched on and off at the beat frequency; no headphones needed.";
        };
    }

    private static Optional<BrainKnowledge> strongest(List<BrainKnowledge> evidence, String stimulus) {
        return evidence.stream()
                .filter(entry -> entry.stimulusType().equals(stimulus))
                .max((a, b) -> Double.compare(a.evidenceStrength(), b.evidenceStrength()));
    }
}
