package app.brainbuddy.live;

/** What a live event is about; each subscription field reads one topic. */
public enum Topic {
    /** A habit was created, changed or had an attempt counted: the payload is the habit as stored now. */
    HABIT,
    /** A session was stored (started or synced) or rated: the payload is the session as stored now. */
    SESSION,
    /** The personal model learned: the payload is its status (never its weights). */
    MODEL,
    /** The account changed (profile, privacy, integrations) or was deleted: the payload says which. */
    ACCOUNT
}
