package app.brainbuddy.session;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A brainwave session's audio, exactly as the server renders it: tones to 0.1 Hz, so that every tone
 * and the pulse repeat within 10 s (the seamless loop).
 */
public record BrainwaveSessionContent(
        int durationSeconds,
        BeatDelivery delivery,
        double carrierHz,
        double beatHz,
        @Nullable Pulse pulse,
        double fadeInSeconds,
        double fadeOutSeconds,
        double suggestedLevel,
        String deliveryReason,
        String evidenceNote,
        @Nullable TimingAdvice timing)
        implements SessionContent {

    /** The left ear's tone of a binaural session: the carrier. */
    public @Nullable Double leftEarHz() {
        return delivery == BeatDelivery.BINAURAL ? carrierHz : null;
    }

    /** The right ear's tone of a binaural session: the carrier plus the beat. */
    public @Nullable Double rightEarHz() {
        return delivery == BeatDelivery.BINAURAL ? upperToneHz() : null;
    }

    /** The tones that sound (both channels together). */
    public List<Double> tonesHz() {
        return delivery == BeatDelivery.ISOCHRONIC ? List.of(carrierHz) : List.of(carrierHz, upperToneHz());
    }

    /** The tones of one channel: a binaural session's ear hears only its own. */
    public List<Double> channelTonesHz(boolean left) {
        if (delivery == BeatDelivery.BINAURAL) {
            return List.of(left ? carrierHz : upperToneHz());
        }
        return tonesHz();
    }

    public boolean headphonesRequired() {
        return delivery == BeatDelivery.BINAURAL;
    }

    public String headphonesReason() {
        return switch (delivery) {
            case BINAURAL ->
                "Headphones are needed: binaural beats work only when each ear hears its own tone and nothing of"
                        + " the other's.";
            case MONAURAL -> "No headphones needed: both tones sound in both channels, so speakers work too.";
            case ISOCHRONIC -> "No headphones needed: the pulsed tone works through speakers.";
        };
    }

    public List<SafetyNote> safetyNotes() {
        return List.of(SafetyNote.values());
    }

    private double upperToneHz() {
        return Math.round((carrierHz + beatHz) * 10) / 10.0;
    }
}
