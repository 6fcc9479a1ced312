package app.brainbuddy.user;

import java.util.Map;
import org.jspecify.annotations.Nullable;

record UpdateProfileInput(
        @Nullable Chronotype chronotype, @Nullable Map<String, Object> privacySettings) {}
