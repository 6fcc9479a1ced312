package app.brainbuddy.keys;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The key-making commands, run before (and instead of) the application, with nothing but Tink and Nimbus:
 * {@code --generate-keys DIR} writes a signing JWK and a model keyset, owner-only, and prints how to pass them;
 * {@code --rotate-model-key FILE} adds a new primary key to a keyset file, keeping the old keys for decryption.
 */
public final class KeyCommands {

    static final String GENERATE = "--generate-keys";
    static final String ROTATE = "--rotate-model-key";

    private KeyCommands() {}

    /** The command's exit code if {@code args} asks for one of these commands, else empty. */
    public static OptionalInt run(String[] args, PrintStream out) {
        List<String> list = List.of(args);
        for (String command : List.of(GENERATE, ROTATE)) {
            int at = list.indexOf(command);
            if (at >= 0) {
                if (at + 1 >= list.size()) {
                    out.println("usage: " + command + (command.equals(GENERATE) ? " DIR" : " KEYSET_FILE"));
                    return OptionalInt.of(2);
                }
                Path target = Path.of(list.get(at + 1));
                return OptionalInt.of(command.equals(GENERATE) ? generate(target, out) : rotate(target, out));
            }
        }
        return OptionalInt.empty();
    }

    static int generate(Path folder, PrintStream out) {
        Path signingKey = folder.resolve(KeyFiles.SIGNING_KEY_FILE);
        Path keyset = folder.resolve(KeyFiles.MODEL_KEYSET_FILE);
        for (Path existing : List.of(signingKey, keyset)) {
            if (Files.exists(existing)) {
                out.println(existing + " exists; not overwriting a key (use " + ROTATE + " for the model keyset)");
                return 1;
            }
        }
        KeyFiles.writeOwnerOnly(signingKey, KeyFiles.newSigningKey());
        KeyFiles.writeOwnerOnly(keyset, KeyFiles.newModelKeyset());
        Path absolute = folder.toAbsolutePath();
        out.println("Wrote " + signingKey + " and " + keyset + " (readable by their owner only). Pass them as:");
        out.println("  BRAINBUDDY_SECURITY_JWT_JWK=\"$(cat " + absolute.resolve(KeyFiles.SIGNING_KEY_FILE) + ")\"");
        out.println("  BRAINBUDDY_MODEL_KEYSET=\"$(cat " + absolute.resolve(KeyFiles.MODEL_KEYSET_FILE) + ")\"");
        out.println("or, for the keyset, --brainbuddy.model.keyset-file=file:"
                + absolute.resolve(KeyFiles.MODEL_KEYSET_FILE));
        out.println("Every replica gets the same two values; keep them out of the repository and the image.");
        return 0;
    }

    static int rotate(Path keysetFile, PrintStream out) {
        if (!Files.exists(keysetFile)) {
            out.println(keysetFile + " does not exist; make one with " + GENERATE + " DIR");
            return 1;
        }
        String rotated;
        try {
            rotated = KeyFiles.rotate(KeyFiles.read(keysetFile));
        } catch (IllegalArgumentException e) {
            out.println(keysetFile + ": " + e.getMessage());
            return 1;
        }
        KeyFiles.writeOwnerOnly(keysetFile, rotated);
        out.println("Added key " + Integer.toUnsignedString(KeyFiles.primaryKeyId(rotated)) + " as primary in "
                + keysetFile + "; the old keys stay to decrypt.");
        out.println("Deploy the new keyset to every replica, then run --reencrypt-models once; after that the old"
                + " keys may leave the keyset.");
        return 0;
    }
}
