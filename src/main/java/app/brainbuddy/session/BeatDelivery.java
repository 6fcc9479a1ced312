package app.brainbuddy.session;

/** How a brainwave session's beat reaches the ears; stored lowercase under {@code delivery.method}. */
public enum BeatDelivery {
    /** One tone per ear; the beat arises in the brain. Needs headphones. */
    BINAURAL,
    /** Both tones mixed in both ears; the beat is in the sound itself. */
    MONAURAL,
    /** One tone switched on and off at the beat. */
    ISOCHRONIC
}
