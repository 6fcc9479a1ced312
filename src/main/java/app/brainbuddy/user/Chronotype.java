package app.brainbuddy.user;

/** The sleep-wake type from the Power of When quiz; stored lowercase. */
public enum Chronotype {
    LION,
    BEAR,
    WOLF,
    DOLPHIN
}
