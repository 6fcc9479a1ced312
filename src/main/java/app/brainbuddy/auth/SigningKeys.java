package app.brainbuddy.auth;

import app.brainbuddy.keys.DevelopmentKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The RSA key that signs this server's tokens, and the encoder and decoder built on it. */
@Configuration(proxyBeanMethods = false)
class SigningKeys {

    @Bean
    RSAKey signingKey(JwtSettings settings, DevelopmentKeys developmentKeys) throws JOSEException, ParseException {
        if (settings.jwk() != null && !settings.jwk().isBlank()) {
            return RSAKey.parse(settings.jwk());
        }
        Resource privateKey = settings.privateKey();
        Resource publicKey = settings.publicKey();
        if (privateKey == null || publicKey == null) {
            return RSAKey.parse(developmentKeys.signingKey(
                    "brainbuddy.security.jwt.jwk / BRAINBUDDY_SECURITY_JWT_JWK, or private-key and public-key"));
        }
        KeyPair pair = new KeyPair(
                read(publicKey, RsaKeyConverters.x509()::convert), read(privateKey, RsaKeyConverters.pkcs8()::convert));
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyIDFromThumbprint()
                .build();
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey signingKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(signingKey)));
    }

    /**
     * Checks signature, issuer, audience, expiry, that the token has an id, and its kid and lifetime;
     * the signature once per token (see VerifiedTokens), the rest on every request.
     */
    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey, JwtSettings settings, Clock clock) throws JOSEException {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        OAuth2TokenValidator<Jwt> rules = new DelegatingOAuth2TokenValidator<>(
                validator(settings.issuer(), settings.audience(), JwtClaimNames.SUB, JwtClaimNames.JTI),
                new TokenLifetime(signingKey, settings, clock));
        decoder.setJwtValidator(rules);
        return new VerifiedTokens(decoder, rules);
    }

    /** Signature aside: issuer, audience, expiry and not-before, and the claims that must not be blank. */
    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, String... requiredClaims) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        validators.add(
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
        for (String claim : requiredClaims) {
            validators.add(new JwtClaimValidator<String>(claim, value -> value != null && !value.isBlank()));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static <K> K read(Resource resource, Function<InputStream, K> converter) {
        try (InputStream in = resource.getInputStream()) {
            return converter.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JWT key " + resource, e);
        }
    }
}
