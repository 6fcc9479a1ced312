package app.brainbuddy.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.brainbuddy.mongo.MongoSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where keys come from when none is configured, per kind of database. */
class DevelopmentKeysTests {

    private static final String SETTINGS = "BRAINBUDDY_MODEL_KEYSET";

    @TempDir
    Path data;

    @Test
    void theEmbeddedFileDatabaseKeepsGeneratedKeysOwnerOnlyInItsDataFolder() throws Exception {
        DevelopmentKeys keys = keys(null, MongoSettings.Storage.FILE, false);
        String keyset = keys.modelKeyset(SETTINGS);
        String signingKey = keys.signingKey(SETTINGS);

        DevelopmentKeys afterRestart = keys(null, MongoSettings.Storage.FILE, false);
        assertThat(afterRestart.modelKeyset(SETTINGS)).isEqualTo(keyset);
        assertThat(afterRestart.signingKey(SETTINGS)).isEqualTo(signingKey).isNotEqualTo(keyset);
        Path folder = data.resolve("keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        for (String file : new String[] {KeyFiles.MODEL_KEYSET_FILE, KeyFiles.SIGNING_KEY_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file))))
                    .isEqualTo("rw-------");
        }
        assertThat(folder).isDirectoryContaining(path -> !path.toString().endsWith(".new"));
    }

    @Test
    void theInMemoryDatabaseGetsEphemeralKeysAndWritesNothing() {
        DevelopmentKeys keys = keys(null, MongoSettings.Storage.MEMORY, false);

        assertThat(keys.modelKeyset(SETTINGS)).isNotEqualTo(keys.modelKeyset(SETTINGS));
        assertThat(data.resolve("keys")).doesNotExist();
    }

    @Test
    void aRealDatabaseWithoutConfiguredKeysRefusesToStartWithOneLineNamingTheSettingsAndTheCommand() {
        DevelopmentKeys keys = keys("mongodb://db.example:27017", MongoSettings.Storage.FILE, false);

        assertThatThrownBy(() -> keys.modelKeyset(SETTINGS))
                .isInstanceOf(DevelopmentKeys.MissingKeyException.class)
                .hasMessageContaining("MONGODB_URL is set")
                .hasMessageContaining(SETTINGS)
                .hasMessageContaining("--generate-keys")
                .hasMessageContaining(DevelopmentKeys.OPT_IN + "=true")
                .hasMessageNotContaining("\n");
        assertThat(data.resolve("keys")).doesNotExist();
    }

    @Test
    void aThrowawayDeploymentMayOptIntoPerProcessKeys() {
        DevelopmentKeys keys = keys("mongodb://db.example:27017", MongoSettings.Storage.FILE, true);

        assertThat(keys.modelKeyset(SETTINGS)).isNotEqualTo(keys.modelKeyset(SETTINGS));
        assertThat(data.resolve("keys")).doesNotExist();
    }

    private DevelopmentKeys keys(@Nullable String url, MongoSettings.Storage storage, boolean optedIn) {
        Duration second = Duration.ofSeconds(1);
        return new DevelopmentKeys(
                new MongoSettings(
                        url,
                        "brain_buddy",
                        second,
                        second,
                        second,
                        new MongoSettings.Embedded(storage, data.resolve("brain-buddy.mv.db"), 0, true)),
                optedIn);
    }
}
