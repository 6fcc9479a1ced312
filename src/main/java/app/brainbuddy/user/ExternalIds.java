package app.brainbuddy.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Accounts of an external identity provider, named after the provider's issuer and subject. */
final class ExternalIds {

    private ExternalIds() {}

    /** A stable ObjectId-shaped id: the first 12 bytes of SHA-256 of {@code issuer|subject}. */
    static String userId(String externalSubject) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(externalSubject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The email of an external account without a verified one: the reserved .invalid domain never delivers. */
    static String placeholderEmail(String userId) {
        return userId + "@external.invalid";
    }
}
