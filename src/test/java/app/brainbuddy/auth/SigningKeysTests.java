package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.keys.DevelopmentKeys;
import app.brainbuddy.mongo.MongoSettings;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

class SigningKeysTests {

    private final SigningKeys signingKeys = new SigningKeys();

    @Test
    void aConfiguredJwkIsTheSigningKey() throws Exception {
        RSAKey configured = new RSAKeyGenerator(2048).keyID("prod-2026").generate();

        RSAKey used = signingKeys.signingKey(settings(configured.toJSONString(), null, null), null);

        assertThat(used).isEqualTo(configured);
        assertThat(used.isPrivate()).isTrue();
    }

    @Test
    void configuredPemFilesAreTheSigningKey(@TempDir Path folder) throws Exception {
        RSAKey configured = new RSAKeyGenerator(2048).generate();
        Path privatePem = write(
                folder.resolve("private.pem"),
                "PRIVATE KEY",
                configured.toPrivateKey().getEncoded());
        Path publicPem = write(
                folder.resolve("public.pem"),
                "PUBLIC KEY",
                configured.toPublicKey().getEncoded());

        RSAKey used = signingKeys.signingKey(
                settings(null, new FileSystemResource(privatePem), new FileSystemResource(publicPem)), null);

        assertThat(used.toRSAPublicKey()).isEqualTo(configured.toRSAPublicKey());
        assertThat(used.toRSAPrivateKey()).isEqualTo(configured.toRSAPrivateKey());
    }

    @Test
    void withoutConfigurationTheDevelopmentKeyOfTheDataFolderSignsAtEveryStart(@TempDir Path folder) throws Exception {
        RSAKey first = signingKeys.signingKey(settings(null, null, null), developmentKeys(folder));
        RSAKey afterRestart = signingKeys.signingKey(settings(null, null, null), developmentKeys(folder));

        assertThat(first.isPrivate()).isTrue();
        assertThat(afterRestart).isEqualTo(first);
        assertThat(signingKeys.signingKey(settings(null, null, null), developmentKeys(folder.resolve("other"))))
                .as("another data folder, another key")
                .isNotEqualTo(first);
    }

    private static DevelopmentKeys developmentKeys(Path dataFolder) {
        return new DevelopmentKeys(
                new MongoSettings(
                        null,
                        "brain_buddy",
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        new MongoSettings.Embedded(
                                MongoSettings.Storage.FILE, dataFolder.resolve("brain-buddy.mv.db"), 0, true)),
                false);
    }

    private static JwtSettings settings(String jwk, FileSystemResource privateKey, FileSystemResource publicKey) {
        return new JwtSettings("brain-buddy", "brain-buddy-api", Duration.ofHours(1), jwk, privateKey, publicKey);
    }

    private static Path write(Path file, String type, byte[] der) throws Exception {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        return Files.writeString(file, pem);
    }
}
