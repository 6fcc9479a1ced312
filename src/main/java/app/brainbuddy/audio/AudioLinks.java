package app.brainbuddy.audio;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signs and checks audio links. An audio element or a native player cannot send a bearer token, so
 * the link itself carries the grant: an HMAC over session, user, expiry and format, made with a key
 * only this server (and its replicas, which share the configuration) holds.
 */
@Component
class AudioLinks {

    private static final String HMAC = "HmacSHA256";
    private static final String DERIVATION_LABEL = "brain-buddy audio links v1";

    private final SecretKeySpec key;
    private final AudioSettings settings;
    private final Clock clock;

    AudioLinks(AudioSettings settings, RSAKey signingKey, Clock clock) throws JOSEException {
        this.settings = settings;
        this.clock = clock;
        this.key = new SecretKeySpec(secret(settings, signingKey), HMAC);
    }

    /** A link that stays valid through the session's playback and a while after. */
    SignedLink sign(String sessionId, String userId, int durationSeconds, AudioFormat format) {
        Instant expires = clock.instant()
                .plus(settings.urlTimeToLive())
                .plusSeconds(durationSeconds)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String signature = signature(sessionId, userId, expires.getEpochSecond(), format);
        String url = "%s/sessions/%s/audio?user=%s&expires=%d&rate=%d&loop=%s&signature=%s"
                .formatted(
                        settings.baseUrl(),
                        sessionId,
                        userId,
                        expires.getEpochSecond(),
                        format.sampleRate(),
                        format.loop(),
                        signature);
        return new SignedLink(url, expires);
    }

    /** Whether the link is unexpired and signed by this server for exactly these values; compared in constant time. */
    boolean valid(String sessionId, String userId, long expires, AudioFormat format, String signature) {
        if (clock.instant().getEpochSecond() >= expires) {
            return false;
        }
        return MessageDigest.isEqual(
                signature(sessionId, userId, expires, format).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** Seconds until the link expires, for caching. */
    long secondsLeft(long expires) {
        return Math.max(0, expires - clock.instant().getEpochSecond());
    }

    private String signature(String sessionId, String userId, long expires, AudioFormat format) {
        String signed = String.join(
                "|",
                sessionId,
                userId,
                Long.toString(expires),
                Integer.toString(format.sampleRate()),
                Boolean.toString(format.loop()));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(hmac(key, signed.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The configured secret, or a key derived from the token signing key with a label of its own: an
     * HMAC of the label under the private key, so the links share the signing key's lifecycle (kept in
     * the data folder in development, configured in production) without ever reusing it as it is.
     */
    private static byte[] secret(AudioSettings settings, RSAKey signingKey) throws JOSEException {
        String configured = settings.urlSecret();
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        byte[] privateKey = signingKey.toRSAPrivateKey().getEncoded();
        return hmac(new SecretKeySpec(privateKey, HMAC), DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A signed link and when it stops working. */
    record SignedLink(String url, Instant expiresAt) {}
}
