package app.brainbuddy.model;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts model weights with Tink's AEAD (AES-256-GCM), the user id bound as associated data so a
 * ciphertext moved to another user's document fails to decrypt. The keyset's primary key encrypts;
 * every key in it still decrypts, which is how keys rotate: add a new primary, keep the old keys until
 * {@code --reencrypt-models} has rewritten the stored weights.
 */
@Component
class ModelCipher {

    private static final Logger log = LoggerFactory.getLogger(ModelCipher.class);

    /** Tink's ciphertexts start with a version byte and the id of the key that made them. */
    private static final int KEY_ID_OFFSET = 1;

    private final Aead aead;
    private final int primaryKeyId;

    ModelCipher(ModelSettings settings) throws GeneralSecurityException {
        AeadConfig.register();
        KeysetHandle keyset = keyset(settings);
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.primaryKeyId = keyset.getPrimary().getId();
    }

    byte[] encrypt(byte[] weights, String userId) {
        try {
            return aead.encrypt(weights, associatedData(userId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the model of user " + userId, e);
        }
    }

    /** The weights, if the ciphertext is intact, made by one of our keys, and this user's. */
    byte[] decrypt(byte[] ciphertext, String userId) {
        try {
            return aead.decrypt(ciphertext, associatedData(userId));
        } catch (GeneralSecurityException e) {
            throw new TamperedModelException(userId, e);
        }
    }

    /** Whether the ciphertext was made by the current primary key, so re-encryption can skip it. */
    boolean byPrimaryKey(byte[] ciphertext) {
        return ciphertext.length > KEY_ID_OFFSET + Integer.BYTES
                && ByteBuffer.wrap(ciphertext, KEY_ID_OFFSET, Integer.BYTES).getInt() == primaryKeyId;
    }

    private static byte[] associatedData(String userId) {
        return ("user_models:" + userId).getBytes(StandardCharsets.UTF_8);
    }

    private static KeysetHandle keyset(ModelSettings settings) throws GeneralSecurityException {
        String json = settings.keyset();
        if ((json == null || json.isBlank()) && settings.keysetFile() != null) {
            try {
                json = settings.keysetFile().getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read brainbuddy.model.keyset-file", e);
            }
        }
        if (json == null || json.isBlank()) {
            log.warn("No model keyset configured (BRAINBUDDY_MODEL_KEYSET or brainbuddy.model.keyset-file):"
                    + " generated a development keyset; personal models stored now cannot be read after a restart");
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    /** A stored model that fails authentication: tampered with, moved, or made by a key we no longer have. */
    static final class TamperedModelException extends IllegalStateException {

        TamperedModelException(String userId, Throwable cause) {
            super("the stored model of user " + userId + " failed authentication", cause);
        }
    }
}
