package app.brainbuddy.session;

/** The EEG band a brainwave session aims at; stored lowercase. */
public enum BrainwaveTarget {
    ALPHA,
    BETA,
    THETA,
    DELTA,
    GAMMA
}
