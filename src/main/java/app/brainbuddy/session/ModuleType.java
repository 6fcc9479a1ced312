package app.brainbuddy.session;

/** The kinds of training; stored lowercase ({@code "pfc_gym"}). */
public enum ModuleType {
    MOVERS,
    PFC_GYM,
    MENTAL_REHEARSAL,
    BRAINWAVE
}
