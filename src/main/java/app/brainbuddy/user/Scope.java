package app.brainbuddy.user;

import org.jspecify.annotations.Nullable;

/**
 * What an integration token may read. Each scope but {@code PROFILE_READ} also needs the user's
 * privacy setting of the same kind to allow sharing.
 */
public enum Scope {
    PROFILE_READ("profile:read", null),
    SESSIONS_READ("sessions:read", PrivacySettings.SHARE_SESSIONS),
    HABITS_READ("habits:read", PrivacySettings.SHARE_HABITS),
    STATS_READ("stats:read", PrivacySettings.SHARE_STATS),
    MODEL_READ("model:read", PrivacySettings.SHARE_MODEL);

    private final String claim;
    private final @Nullable String privacySetting;

    Scope(String claim, @Nullable String privacySetting) {
        this.claim = claim;
        this.privacySetting = privacySetting;
    }

    /** The OAuth-style name carried in the token's {@code scope} claim, e.g. {@code sessions:read}. */
    public String claim() {
        return claim;
    }

    /** Whether this user's privacy settings let integrations see what the scope covers. */
    public boolean sharedBy(User user) {
        return privacySetting == null || PrivacySettings.allows(user.privacySettings(), privacySetting);
    }
}
