package app.brainbuddy.user;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The documented keys of {@code privacy_settings}: each says whether integrations the user
 * authorised may see that kind of data. All are false until the user turns them on.
 */
public final class PrivacySettings {

    static final String SHARE_SESSIONS = "share_sessions";
    static final String SHARE_HABITS = "share_habits";
    static final String SHARE_STATS = "share_stats";
    static final String SHARE_MODEL = "share_model";

    static final Set<String> KEYS = Set.of(SHARE_SESSIONS, SHARE_HABITS, SHARE_STATS, SHARE_MODEL);

    private PrivacySettings() {}

    static boolean allows(Map<String, Object> settings, String key) {
        return Boolean.TRUE.equals(settings.get(key));
    }

    /** What is wrong with these changes, if anything: only the documented keys with boolean values are allowed. */
    static Optional<String> problemWith(Map<String, Object> changes) {
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            if (!KEYS.contains(change.getKey())) {
                return Optional.of("privacySettings: unknown key '" + abbreviate(change.getKey()) + "'; the keys are "
                        + new TreeSet<>(KEYS));
            }
            if (!(change.getValue() instanceof Boolean)) {
                return Optional.of("privacySettings: " + change.getKey() + " must be true or false");
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "…";
    }
}
