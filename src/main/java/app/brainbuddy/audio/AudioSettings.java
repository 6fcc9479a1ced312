package app.brainbuddy.audio;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audio links. {@code urlSecret} signs them; left out, a key derived from the token signing key is
 * used, so links survive a restart exactly as long as tokens do. A link stays valid for the session's
 * duration plus {@code urlTimeToLive}, so that a player can still seek near the end. {@code baseUrl}
 * makes the links absolute (a player on another origin needs that); left out they are paths.
 */
@ConfigurationProperties("brainbuddy.audio")
record AudioSettings(
        @Nullable String urlSecret,
        @DefaultValue("15m") Duration urlTimeToLive,
        @DefaultValue("") String baseUrl) {}
