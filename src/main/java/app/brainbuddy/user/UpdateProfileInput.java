package app.brainbuddy.user;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code privacySettings} is the deprecated JSON form of {@code privacy}. */
record UpdateProfileInput(
        @Nullable Chronotype chronotype,
        @Nullable PrivacySettingsInput privacy,
        @Nullable Map<String, Object> privacySettings) {}
