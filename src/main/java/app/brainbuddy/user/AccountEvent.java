package app.brainbuddy.user;

import java.time.Instant;

/** What happened to an account, as its subscribers hear of it. */
public record AccountEvent(AccountChange change, Instant at) {

    /** The kinds of change an account goes through. */
    public enum AccountChange {
        PROFILE_UPDATED,
        PRIVACY_CHANGED,
        INTEGRATIONS_CHANGED,
        DELETED
    }
}
