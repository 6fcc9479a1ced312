package app.brainbuddy.user;

/**
 * The sleep-wake type from the Power of When quiz; stored lowercase. Each has a window of local hours
 * in which demanding work goes best, after Breus's schedule for the type. The quiz is a coarse guide:
 * validated questionnaires (MEQ, MCTQ) place people more reliably.
 */
public enum Chronotype {
    LION(8, 12),
    BEAR(10, 14),
    WOLF(17, 21),
    DOLPHIN(15, 19);

    private final HourWindow peak;

    Chronotype(int peakStartHour, int peakEndHour) {
        this.peak = new HourWindow(peakStartHour, peakEndHour);
    }

    /** The local hours of this type's peak for demanding training. */
    public HourWindow peak() {
        return peak;
    }
}
