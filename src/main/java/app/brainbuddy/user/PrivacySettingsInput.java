package app.brainbuddy.user;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Privacy settings to change; those left out keep their value. */
record PrivacySettingsInput(
        @Nullable Boolean shareSessions,
        @Nullable Boolean shareHabits,
        @Nullable Boolean shareStats,
        @Nullable Boolean shareModel) {

    /** The changes under their stored keys. */
    Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        putGiven(changes, PrivacySettings.SHARE_SESSIONS, shareSessions);
        putGiven(changes, PrivacySettings.SHARE_HABITS, shareHabits);
        putGiven(changes, PrivacySettings.SHARE_STATS, shareStats);
        putGiven(changes, PrivacySettings.SHARE_MODEL, shareModel);
        return changes;
    }

    private static void putGiven(Map<String, Object> changes, String key, @Nullable Boolean value) {
        if (value != null) {
            changes.put(key, value);
        }
    }
}
