package app.brainbuddy.auth;

import app.brainbuddy.user.IntegrationGrant;
import app.brainbuddy.user.Scope;
import app.brainbuddy.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues this server's signed tokens: issuer, audience, subject, expiry and a unique id on each. */
@Service
class TokenService {

    private final JwtEncoder encoder;
    private final JwtSettings settings;
    private final Clock clock;

    TokenService(JwtEncoder encoder, JwtSettings settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    IssuedToken issue(User user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(settings.timeToLive());
        return new IssuedToken(sign(user, UUID.randomUUID().toString(), now, expiresAt, claims -> {}), expiresAt);
    }

    /** A read-only token for an integration; its id is the grant's, so that revoking the grant revokes it. */
    String issue(User user, IntegrationGrant grant) {
        String scopes = grant.scopes().stream().map(Scope::claim).collect(Collectors.joining(" "));
        return sign(
                user,
                grant.id(),
                grant.createdAt(),
                grant.expiresAt(),
                claims -> claims.claim(TokenClaims.TOKEN_USE, TokenClaims.INTEGRATION)
                        .claim(TokenClaims.SCOPE, scopes));
    }

    private String sign(
            User user, String tokenId, Instant issuedAt, Instant expiresAt, Consumer<JwtClaimsSet.Builder> extra) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .audience(List.of(settings.audience()))
                .subject(user.id())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .id(tokenId);
        extra.accept(claims);
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    record IssuedToken(String value, Instant expiresAt) {}
}
