package app.brainbuddy.model;

import app.brainbuddy.keys.DevelopmentKeys;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts model weights with Tink's AEAD (AES-256-GCM), the user id bound as associated data so a
 * ciphertext moved to another user's document fails to decrypt. The keyset's primary key encrypts;
 * every key in it still decrypts, which is how keys rotate: add a new primary, keep the old keys until
 * {@code --reencrypt-models} has rewritten the stored weights.
 */
@Component
class ModelCipher {

    /** Tink's ciphertexts start with a version byte and the id of the key that made them. */
    private static final int KEY_ID_OFFSET = 1;

    private final Aead aead;
    private final int primaryKeyId;
    private final Set<Integer> keyIds = new HashSet<>();

    @Autowired
    ModelCipher(ModelSettings settings, DevelopmentKeys developmentKeys) throws GeneralSecurityException {
        this(keyset(settings, developmentKeys));
    }

    /** A cipher of this keyset (Tink JSON), whatever is configured. */
    ModelCipher(String keysetJson) throws GeneralSecurityException {
        AeadConfig.register();
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.primaryKeyId = keyset.getPrimary().getId();
        for (int i = 0; i < keyset.size(); i++) {
            keyIds.add(keyset.getAt(i).getId());
        }
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
        return Integer.valueOf(primaryKeyId).equals(keyIdOf(ciphertext));
    }

    /**
     * Whether the ciphertext names a key of this keyset: if it does and still fails to decrypt, it was altered or
     * moved (a security event); if not, its key is simply not here (a lost development keyset, a retired key).
     */
    boolean hasKeyOf(byte[] ciphertext) {
        return keyIds.contains(keyIdOf(ciphertext));
    }

    private static @Nullable Integer keyIdOf(byte[] ciphertext) {
        return ciphertext.length > KEY_ID_OFFSET + Integer.BYTES
                ? ByteBuffer.wrap(ciphertext, KEY_ID_OFFSET, Integer.BYTES).getInt()
                : null;
    }

    private static byte[] associatedData(String userId) {
        return ("user_models:" + userId).getBytes(StandardCharsets.UTF_8);
    }

    private static String keyset(ModelSettings settings, DevelopmentKeys developmentKeys) {
        if (settings.keyset() != null && !settings.keyset().isBlank()) {
            return settings.keyset();
        }
        if (settings.keysetFile() != null) {
            try {
                return settings.keysetFile().getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read brainbuddy.model.keyset-file", e);
            }
        }
        return developmentKeys.modelKeyset("BRAINBUDDY_MODEL_KEYSET or brainbuddy.model.keyset-file");
    }

    /** A stored model that fails authentication: tampered with, moved, or made by a key we no longer have. */
    static final class TamperedModelException extends IllegalStateException {

        TamperedModelException(String userId, Throwable cause) {
            super("the stored model of user " + userId + " failed authentication", cause);
        }
    }
}
