package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.brainbuddy.TestClock;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class VerifiedTokensTests {

    private final TestClock clock = new TestClock();
    private final RSAKey key = generate();
    private final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
    private final VerifiedTokens tokens = verifiedTokens();

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromWhatWasKept() {
        String token = sign(Duration.ofMinutes(5));

        var first = tokens.decode(token);
        var second = tokens.decode(token);

        assertThat(first.getSubject()).isEqualTo("someone");
        assertThat(second).as("kept, not decoded again").isSameAs(first);
    }

    @Test
    void aKeptTokenIsRefusedFromTheSecondItExpires() {
        String token = sign(Duration.ofMinutes(5));
        assertThat(tokens.decode(token).getSubject()).isEqualTo("someone");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode(token))
                .as("still refused when asked again")
                .isInstanceOf(JwtException.class);
    }

    @Test
    void anAlteredTokenIsRefusedEveryTime() {
        String token = sign(Duration.ofMinutes(5));
        String altered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> tokens.decode(altered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(altered)).isInstanceOf(JwtException.class);
        assertThat(tokens.decode(token).getSubject()).isEqualTo("someone");
    }

    private VerifiedTokens verifiedTokens() {
        expiry.setClock(clock);
        try {
            NimbusJwtDecoder verifier =
                    NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            verifier.setJwtValidator(expiry);
            return new VerifiedTokens(verifier, expiry);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(Duration lifetime) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject("someone")
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
