package app.brainbuddy.keys;

import app.brainbuddy.mongo.MongoSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keys used when none is configured. On the embedded file database they are generated once into
 * {@code <data folder>/keys/} (owner-only) and read back at every start, so a restart keeps tokens valid and models
 * readable, like production. On the in-memory database they live as long as the process, as its data does. With a
 * real database ({@code MONGODB_URL}) a missing key is refused ({@link MissingKeyException}), unless
 * {@code brainbuddy.dev-keys=true} allows generated per-process keys for a throwaway deployment: replicas must share
 * keys through configuration, never generate their own.
 */
@Component
public class DevelopmentKeys {

    public static final String OPT_IN = "brainbuddy.dev-keys";

    private static final Logger log = LoggerFactory.getLogger(DevelopmentKeys.class);

    private final MongoSettings mongo;
    private final boolean optedIn;

    public DevelopmentKeys(MongoSettings mongo, @Value("${" + OPT_IN + ":false}") boolean optedIn) {
        this.mongo = mongo;
        this.optedIn = optedIn;
    }

    /** The JWT signing key (a private JWK as JSON), for when none is configured. */
    public String signingKey(String settings) {
        return key(KeyFiles.SIGNING_KEY_FILE, "JWT signing key", settings, KeyFiles::newSigningKey);
    }

    /** The Tink keyset (JSON) that encrypts personal models, for when none is configured. */
    public String modelKeyset(String settings) {
        return key(KeyFiles.MODEL_KEYSET_FILE, "model keyset", settings, KeyFiles::newModelKeyset);
    }

    private String key(String fileName, String what, String settings, Supplier<String> generate) {
        if (mongo.url() != null && !mongo.url().isBlank()) {
            if (!optedIn) {
                throw new MissingKeyException(what, settings);
            }
            log.warn(
                    "No {} configured ({}): generated one for this process only ({}=true). Tokens and models made now"
                            + " die with it, and replicas cannot share it; configure keys for anything that lasts",
                    what,
                    settings,
                    OPT_IN);
            return generate.get();
        }
        if (mongo.embedded().storage() == MongoSettings.Storage.MEMORY) {
            log.info("No {} configured: using an ephemeral one, which lives as long as the in-memory database", what);
            return generate.get();
        }
        Path file = folder().resolve(fileName);
        if (Files.exists(file)) {
            log.info("Using the development {} in {} (generated at an earlier start)", what, file);
            return KeyFiles.read(file);
        }
        String key = generate.get();
        KeyFiles.writeOwnerOnly(file, key);
        log.warn(
                "No {} configured ({}): generated a development one into {} (owner-only), reused at every start;"
                        + " keep it with the data, or back it up",
                what,
                settings,
                file);
        return key;
    }

    /** Beside the embedded database's file, so that the keys go where the data goes. */
    private Path folder() {
        Path data = mongo.embedded().path().toAbsolutePath().getParent();
        return data.resolve("keys");
    }

    /** Startup refused: a real database and a key not configured. */
    public static final class MissingKeyException extends IllegalStateException {

        MissingKeyException(String what, String settings) {
            super("MONGODB_URL is set but no " + what + " is configured (" + settings + "): make keys with"
                    + " `java -jar brain-buddy-api.jar --generate-keys <dir>` and pass them as it prints, or set "
                    + OPT_IN + "=true for a throwaway deployment");
        }
    }
}
