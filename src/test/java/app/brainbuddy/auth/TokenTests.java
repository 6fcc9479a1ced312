package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.FakeIdentityProvider;
import app.brainbuddy.GraphQlIntegrationTest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;

class TokenTests extends GraphQlIntegrationTest {

    @Autowired
    private RSAKey signingKey;

    @Test
    void tokensCarryIssuerAudienceExpiryAndAUniqueIdAndVerifyWithThePublishedKeys() throws Exception {
        SignedIn user = signUp();
        String keys = okBody(server().get().uri("/.well-known/jwks.json"));

        RSAKey published = JWKSet.parse(keys).getKeys().get(0).toRSAKey();
        assertThat(published.isPrivate()).isFalse();
        SignedJWT token = SignedJWT.parse(user.token());
        assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("brain-buddy");
        assertThat(claims.getAudience()).containsExactly("brain-buddy-api");
        assertThat(claims.getSubject()).isEqualTo(user.id());
        assertThat(claims.getExpirationTime()).isAfter(new Date());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(SignedJWT.parse(signUp().token()).getJWTClaimsSet().getJWTID())
                .isNotEqualTo(claims.getJWTID());
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefusedWith401() throws Exception {
        SignedIn user = signUp();
        RSAKey strangerKey = new RSAKeyGenerator(2048).keyID("stranger").generate();
        String valid = own(user.id(), claims -> {});
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "."
                + Base64URL.encode(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                        .replace(user.id(), signUp().id()))
                + "." + parts[2];
        String unsigned = Base64URL.encode("{\"alg\":\"none\"}") + "." + parts[1] + ".";

        Map<String, String> refused = Map.of(
                "unsigned (alg none)", unsigned,
                "tampered", tampered,
                "expired",
                        own(
                                user.id(),
                                claims -> claims.expirationTime(
                                        Date.from(Instant.now().minusSeconds(120)))),
                "another issuer", own(user.id(), claims -> claims.issuer("https://evil.example")),
                "another audience", own(user.id(), claims -> claims.audience("someone-else")),
                "without an id", own(user.id(), claims -> claims.jwtID(null)),
                "signed by another key",
                        FakeIdentityProvider.sign(strangerKey, claims(user.id()).build()),
                "not a token", "not-a-token");
        assertThat(valid).isNotBlank();
        assertThat(statusWithToken(valid)).isEqualTo(HttpStatus.OK);
        refused.forEach(
                (what, token) -> assertThat(statusWithToken(token)).as(what).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void theExternalProvidersSubjectBecomesAnAccountOnFirstSight() {
        String subject = "idp-user-" + UUID.randomUUID();
        String email = "external-" + System.nanoTime() + "@example.org";
        String first = IDENTITY_PROVIDER.token(
                subject, claims -> claims.claim("email", email).claim("email_verified", true));
        String later = IDENTITY_PROVIDER.token(subject, claims -> {});

        String id = bearer(first)
                .document("{ me { id email } }")
                .execute()
                .path("me.id")
                .entity(String.class)
                .get();

        bearer(later)
                .document("{ me { id email } }")
                .execute()
                .path("me.id")
                .entity(String.class)
                .isEqualTo(id);
        bearer(later)
                .document("{ me { email } }")
                .execute()
                .path("me.email")
                .entity(String.class)
                .isEqualTo(email);
        assertThat(mongo.getCollection("users").countDocuments(new org.bson.Document("email", email)))
                .isEqualTo(1);
        assertThat(statusWithToken(IDENTITY_PROVIDER.token(
                        subject,
                        claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(300))))))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void externalTokensForAnotherApplicationOrWithoutASubjectAreRefused() {
        assertThat(statusWithToken(IDENTITY_PROVIDER.token("someone", claims -> claims.audience("another-app"))))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusWithToken(IDENTITY_PROVIDER.token("someone", claims -> claims.subject(null))))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusWithToken(IDENTITY_PROVIDER.token("someone", claims -> {})))
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDeletedExternalAccountStaysDeletedForItsOldTokens() {
        String subject = "idp-user-" + UUID.randomUUID();
        String old = IDENTITY_PROVIDER.token(subject, claims -> {});
        String id = bearer(old)
                .document("{ me { id } }")
                .execute()
                .path("me.id")
                .entity(String.class)
                .get();

        bearer(old)
                .document("mutation { deleteAccount { deleted } }")
                .execute()
                .path("deleteAccount.deleted")
                .hasValue();

        assertThat(statusWithToken(old)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(mongo.getCollection("users")
                        .countDocuments(new org.bson.Document("_id", new org.bson.types.ObjectId(id))))
                .isZero();
        String signedInAgain = IDENTITY_PROVIDER.token(
                subject, claims -> claims.issueTime(Date.from(Instant.now().plusSeconds(90))));
        bearer(signedInAgain)
                .document("{ me { id } }")
                .execute()
                .path("me.id")
                .entity(String.class)
                .isEqualTo(id);
    }

    @Test
    void anAccountStoredWithoutPrivacySettingsSharesNothing() {
        org.bson.types.ObjectId id = new org.bson.types.ObjectId();
        mongo.getCollection("users")
                .insertOne(new org.bson.Document("_id", id)
                        .append("email", "stored-" + System.nanoTime() + "@example.org")
                        .append("hashed_password", "{noop}unused")
                        .append("chronotype", "bear")
                        .append("created_at", new Date()));

        bearer(own(id.toHexString(), claims -> {}))
                .document("{ me { privacySettings } }")
                .execute()
                .path("me.privacySettings")
                .entity(Map.class)
                .isEqualTo(Map.of());
    }

    @Test
    void anExternalAccountCannotLogInWithAPassword() {
        String subject = "idp-user-" + UUID.randomUUID();
        String email = "external-" + System.nanoTime() + "@example.org";
        bearer(IDENTITY_PROVIDER.token(
                        subject, claims -> claims.claim("email", email).claim("email_verified", true)))
                .document("{ me { id } }")
                .execute()
                .path("me.id")
                .hasValue();

        assertSingleError(
                anonymous()
                        .documentName("login")
                        .variable("input", Map.of("email", email, "password", PASSWORD))
                        .execute(),
                ErrorType.UNAUTHORIZED);
    }

    @Test
    void aRevokedIntegrationTokenStopsWorkingOnTheNextRequest() {
        SignedIn user = signUp();
        var created = user.graphQl()
                .documentName("createIntegrationToken")
                .variable(
                        "input",
                        Map.of("name", "Sleep tracker", "scopes", List.of("PROFILE_READ"), "expiresInDays", 30))
                .execute();
        String token = created.path("createIntegrationToken.token")
                .entity(String.class)
                .get();
        String id = created.path("createIntegrationToken.integration.id")
                .entity(String.class)
                .get();
        created.path("createIntegrationToken.integration.scopes")
                .entityList(String.class)
                .containsExactly("PROFILE_READ");
        user.graphQl()
                .document("{ me { integrations { id name } } }")
                .execute()
                .path("me.integrations[*].name")
                .entityList(String.class)
                .containsExactly("Sleep tracker");
        assertThat(statusWithToken(token)).isEqualTo(HttpStatus.OK);

        revokeIntegration(user.graphQl(), id);

        assertThat(statusWithToken(token)).isEqualTo(HttpStatus.UNAUTHORIZED);
        user.graphQl()
                .document("{ me { integrations { id } } }")
                .execute()
                .path("me.integrations")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void integrationTokenInputsAreValidated() {
        SignedIn user = signUp();
        List<Map<String, Object>> refused = List.of(
                Map.of("name", " ", "scopes", List.of("STATS_READ")),
                Map.of("name", "x".repeat(101), "scopes", List.of("STATS_READ")),
                Map.of("name", "ok", "scopes", List.of()),
                Map.of("name", "ok", "scopes", List.of("WRITE_EVERYTHING")),
                Map.of("name", "ok", "scopes", List.of("STATS_READ"), "expiresInDays", 0),
                Map.of("name", "ok", "scopes", List.of("STATS_READ"), "expiresInDays", 366));
        for (Map<String, Object> input : refused) {
            assertSingleError(
                    user.graphQl()
                            .documentName("createIntegrationToken")
                            .variable("input", input)
                            .execute(),
                    ErrorType.BAD_REQUEST);
        }
        user.graphQl()
                .document("{ me { integrations { id } } }")
                .execute()
                .path("me.integrations")
                .entityList(Object.class)
                .hasSize(0);
    }

    private String own(String subject, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = claims(subject);
        change.accept(claims);
        return FakeIdentityProvider.sign(signingKey, claims.build());
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        return new JWTClaimsSet.Builder()
                .issuer("brain-buddy")
                .audience("brain-buddy-api")
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
    }
}
