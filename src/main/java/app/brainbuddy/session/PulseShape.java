package app.brainbuddy.session;

/** The envelope of one isochronic pulse over the "on" part of its period. */
public enum PulseShape {
    /** Full level for the whole "on" part: the hardest edges. */
    SQUARE,
    /** A raised-cosine (Hann) bump filling the "on" part: no clicks at the edges. */
    RAISED_COSINE
}
