package app.brainbuddy.auth;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An external identity provider whose tokens are trusted: its issuer ({@code iss}), where its keys
 * are ({@code jwk-set-uri}; without it they are discovered from the issuer's OpenID configuration),
 * and the audience its tokens must carry, which is required with an issuer.
 */
@ConfigurationProperties("brainbuddy.security.external")
record ExternalIssuerSettings(
        @Nullable String issuerUri,
        @Nullable String jwkSetUri,
        @Nullable String audience) {}
