package app.brainbuddy.auth;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords as NIST SP 800-63B (section 3.1.1.2) asks: any characters a person can type, at least
 * {@value #MIN_LENGTH} of them counted as Unicode code points after NFKC (and at most
 * {@value #MAX_BYTES} bytes, all that BCrypt reads), and refused when the
 * password is only white space or invisible characters, one character repeated, a run such as
 * {@code 1234567890} or {@code abcdefghij}, or in the shipped list of common passwords
 * ({@code auth/common-passwords.txt}, compared in lower case). NFKC is applied before hashing, so
 * that the same password typed on another keyboard (full-width digits, a composed accent) matches.
 */
final class Passwords {

    static final int MIN_LENGTH = 10;

    /** BCrypt reads only the first 72 bytes; longer passwords are refused rather than silently cut. */
    static final int MAX_BYTES = 72;

    static final String RULE = "must be at least " + MIN_LENGTH + " characters and at most " + MAX_BYTES
            + " bytes (UTF-8) long, and not a common, repeated or sequential password, nor only spaces or"
            + " invisible characters";

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Set<String> COMMON = load("/auth/common-passwords.txt");

    private Passwords() {}

    static String normalize(String password) {
        return NFKC.normalize(password);
    }

    static boolean acceptable(@Nullable String password) {
        if (password == null) {
            return true; // @NotNull says so
        }
        String normalized = normalize(password);
        int[] codePoints = normalized.codePoints().toArray();
        return codePoints.length >= MIN_LENGTH
                && normalized.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
                && !normalized.codePoints().allMatch(Passwords::blank)
                && !normalized.codePoints().allMatch(c -> c == codePoints[0])
                && !sequential(codePoints)
                && !COMMON.contains(normalized.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a password matches its stored hash. Hashes made before passwords were normalised
     * were made of the password as typed; where NFKC changes it, that form is tried as well.
     */
    static boolean matches(PasswordEncoder encoder, String password, String hash) {
        String normalized = normalize(password);
        return encoder.matches(normalized, hash) || (!normalized.equals(password) && encoder.matches(password, hash));
    }

    private static boolean blank(int c) {
        int type = UCharacter.getType(c);
        return UCharacter.isUWhiteSpace(c)
                || type == UCharacter.CONTROL
                || type == UCharacter.FORMAT
                || type == UCharacter.SPACE_SEPARATOR;
    }

    /** Each character one up, or each one down, from the one before. */
    private static boolean sequential(int[] codePoints) {
        int step = codePoints[1] - codePoints[0];
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < codePoints.length; i++) {
            if (codePoints[i] - codePoints[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = Passwords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords is missing: " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.strip().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
