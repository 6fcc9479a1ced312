package app.brainbuddy.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --generate-keys DIR} and {@code --rotate-model-key FILE}, as the jar's main runs them. */
class KeyCommandsTests {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void generateKeysWritesAPrivateSigningJwkAndAModelKeysetOwnerOnlyAndSaysHowToPassThem() throws Exception {
        Path keys = folder.resolve("keys");

        assertThat(KeyCommands.run(new String[] {"--generate-keys", keys.toString()}, out))
                .hasValue(0);

        RSAKey signingKey = RSAKey.parse(Files.readString(keys.resolve(KeyFiles.SIGNING_KEY_FILE)));
        assertThat(signingKey.isPrivate()).isTrue();
        assertThat(signingKey.getKeyID())
                .isEqualTo(signingKey.computeThumbprint().toString());
        assertThat(keyset(keys.resolve(KeyFiles.MODEL_KEYSET_FILE)).size()).isEqualTo(1);
        for (String file : new String[] {KeyFiles.SIGNING_KEY_FILE, KeyFiles.MODEL_KEYSET_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file))))
                    .isEqualTo("rw-------");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("BRAINBUDDY_SECURITY_JWT_JWK=")
                .contains("BRAINBUDDY_MODEL_KEYSET=");
    }

    @Test
    void generateKeysNeverOverwritesAKey() throws Exception {
        KeyCommands.run(new String[] {"--generate-keys", folder.toString()}, out);
        String before = Files.readString(folder.resolve(KeyFiles.MODEL_KEYSET_FILE));

        assertThat(KeyCommands.run(new String[] {"--generate-keys", folder.toString()}, out))
                .hasValue(1);
        assertThat(Files.readString(folder.resolve(KeyFiles.MODEL_KEYSET_FILE))).isEqualTo(before);
    }

    @Test
    void rotateAddsANewPrimaryKeyAndTheOldKeyStillDecrypts() throws Exception {
        KeyCommands.run(new String[] {"--generate-keys", folder.toString()}, out);
        Path file = folder.resolve(KeyFiles.MODEL_KEYSET_FILE);
        KeysetHandle old = keyset(file);
        byte[] associated = "user_models:u".getBytes(StandardCharsets.UTF_8);
        byte[] byOldKey = aead(old).encrypt("weights".getBytes(StandardCharsets.UTF_8), associated);

        assertThat(KeyCommands.run(new String[] {"--rotate-model-key", file.toString()}, out))
                .hasValue(0);

        KeysetHandle rotated = keyset(file);
        assertThat(rotated.size()).isEqualTo(2);
        assertThat(rotated.getPrimary().getId()).isNotEqualTo(old.getPrimary().getId());
        assertThat(aead(rotated).decrypt(byOldKey, associated)).asString().isEqualTo("weights");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void otherArgumentsAreNoKeyCommand() {
        assertThat(KeyCommands.run(new String[] {"--server.port=0"}, out)).isEmpty();
        assertThat(KeyCommands.run(new String[] {"--rotate-model-key"}, out)).hasValue(2);
    }

    private static KeysetHandle keyset(Path file) throws Exception {
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
    }

    private static Aead aead(KeysetHandle keyset) throws Exception {
        return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }
}
