package app.brainbuddy.auth;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The tokens this server issues. The RSA signing key comes from a private JWK (JSON) or from PEM
 * files ({@code file:} or {@code classpath:} locations); without either, see
 * {@link app.brainbuddy.keys.DevelopmentKeys}.
 */
@ConfigurationProperties("brainbuddy.security.jwt")
record JwtSettings(
        @DefaultValue("brain-buddy") String issuer,
        @DefaultValue("brain-buddy-api") String audience,
        @DefaultValue("1h") Duration timeToLive,
        @Nullable String jwk,
        @Nullable Resource privateKey,
        @Nullable Resource publicKey) {}
