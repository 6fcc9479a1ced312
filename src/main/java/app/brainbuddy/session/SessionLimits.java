package app.brainbuddy.session;

/** The limits every session keeps, however it is created. */
final class SessionLimits {

    static final int SHORTEST_SECONDS = 60;
    static final int LONGEST_SECONDS = 7200;
    static final int BATCH_ITEMS = 500;
    static final String TARGET_RULE = "is required for BRAINWAVE sessions and not allowed for other modules";

    private SessionLimits() {}
}
