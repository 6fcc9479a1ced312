package app.brainbuddy.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * This server's token check, paid once per token instead of once per request: a phone sends the
 * same bearer token with every request, and verifying its RS256 signature and parsing its JSON is
 * most of the check. A token that passed is kept by its exact text (bounded, the least recently used
 * out first) with what it decoded to, and on every later request its claim rules run again, so that
 * a kept token is refused from the second it expires. The signature needs no second look: the same
 * text under the same key verifies the same way, and the key does not change while the server runs.
 * Refused tokens are not kept. Whether the account and the grant still exist is not the token's
 * business: TokenAccounts reads that on every request.
 */
final class VerifiedTokens implements JwtDecoder {

    /** About 2.5 KB each (the token's text and its decoded claims): at most ~2.5 MB of heap. */
    static final int SIZE = 1024;

    /** A kept token is verified afresh after this, whatever its lifetime. */
    static final Duration KEPT_FOR = Duration.ofMinutes(10);

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> rules;
    private final Cache<String, Jwt> verified =
            Caffeine.newBuilder().maximumSize(SIZE).expireAfterWrite(KEPT_FOR).build();

    /** {@code rules}: the claim rules {@code verifier} applies after the signature (time-dependent ones). */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> rules) {
        this.verifier = verifier;
        this.rules = rules;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt decoded = verifier.decode(token);
            verified.put(token, decoded);
            return decoded;
        }
        OAuth2TokenValidatorResult result = rules.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(
                    "The token no longer passes: "
                            + result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return known;
    }
}
