package app.brainbuddy.session;

/** The on-off envelope of an isochronic session: {@code dutyCycle} of each period sounds. */
public record Pulse(double rateHz, double dutyCycle, PulseShape shape) {

    /** The level of the envelope, 0 to 1, at this fraction of a period (0 inclusive to 1 exclusive). */
    public double envelope(double phase) {
        if (phase >= dutyCycle) {
            return 0;
        }
        return switch (shape) {
            case SQUARE -> 1;
            case RAISED_COSINE -> 0.5 * (1 - Math.cos(2 * Math.PI * phase / dutyCycle));
        };
    }
}
