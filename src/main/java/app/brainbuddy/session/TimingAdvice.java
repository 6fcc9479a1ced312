package app.brainbuddy.session;

/** Where the session's local hour stood relative to the person's chronotype peak, when it was generated. */
public record TimingAdvice(String chronotype, int localHour, String peakWindow, boolean inPeak, String advice) {}
