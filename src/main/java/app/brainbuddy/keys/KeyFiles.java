package app.brainbuddy.keys;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/** Makes the two kinds of key as JSON (Nimbus for the signing JWK, Tink for the model keyset) and writes key files. */
public final class KeyFiles {

    public static final String SIGNING_KEY_FILE = "jwt-signing-key.json";
    public static final String MODEL_KEYSET_FILE = "model-keyset.json";

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private KeyFiles() {}

    /** A private RSA JWK (2048 bits, RS256) whose key id is its thumbprint. */
    public static String newSigningKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate()
                    .toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** A Tink keyset (JSON) with one AES-256-GCM key. */
    public static String newModelKeyset() {
        try {
            AeadConfig.register();
            return json(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a Tink keyset", e);
        }
    }

    /** The keyset with a new AES-256-GCM key added as primary; the old keys stay, to decrypt what they encrypted. */
    public static String rotate(String keysetJson) {
        try {
            AeadConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            return json(KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a Tink keyset: " + e.getMessage(), e);
        }
    }

    /** The primary key's id, which Tink writes in front of every ciphertext it makes. */
    public static int primaryKeyId(String keysetJson) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get())
                    .getPrimary()
                    .getId();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a Tink keyset: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the file readable by its owner only, replacing it in one step: the content goes to a new owner-only file
     * beside it first, so a crash leaves the old file or the new one, never half a key.
     */
    public static void writeOwnerOnly(Path file, String content) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (POSIX && !Files.exists(folder)) {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
            Path next = Files.createTempFile(folder, file.getFileName().toString(), ".new");
            if (POSIX) {
                Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(next, content, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file " + file, e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file, e);
        }
    }

    private static String json(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }
}
