package app.brainbuddy.auth;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The rules this server's own tokens follow beyond their signature, so that even a token signed
 * with the real key (a leaked key, a bug in issuing) cannot live longer than any token this server
 * issues: it names the published key in {@code kid}; it carries {@code exp}; and {@code exp} is no
 * further ahead than a user token's configured lifetime, or an integration token's longest lifetime
 * ({@value CreateIntegrationTokenInput#MAX_DAYS} days), plus {@link #CLOCK_SKEW}.
 */
final class TokenLifetime implements OAuth2TokenValidator<Jwt> {

    /** As Spring Security's own expiry check allows. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Duration INTEGRATION_LIFETIME = Duration.ofDays(CreateIntegrationTokenInput.MAX_DAYS);

    private final String publishedKeyId;
    private final Duration userLifetime;
    private final Clock clock;

    TokenLifetime(RSAKey publishedKey, JwtSettings settings, Clock clock) {
        this.publishedKeyId = publishedKey.getKeyID();
        this.userLifetime = settings.timeToLive();
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (!publishedKeyId.equals(token.getHeaders().get("kid"))) {
            return invalid("The token's kid names no published key");
        }
        Instant expiresAt = token.getExpiresAt();
        if (expiresAt == null) {
            return invalid("The token has no exp");
        }
        boolean integration = TokenClaims.INTEGRATION.equals(token.getClaimAsString(TokenClaims.TOKEN_USE));
        Duration lifetime = integration ? INTEGRATION_LIFETIME : userLifetime;
        if (expiresAt.isAfter(clock.instant().plus(lifetime).plus(CLOCK_SKEW))) {
            return invalid("The token's exp lies further ahead than any token of this server");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
