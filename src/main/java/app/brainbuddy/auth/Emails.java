package app.brainbuddy.auth;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.IDNA;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One spelling per address, and no address that passes for another.
 *
 * <p>Mapped ({@link #normalize}): Unicode NFKC (full-width letters, ligatures and the like become
 * their plain form; a no-break or ideographic space becomes a space), surrounding white space
 * removed, lower case, and the domain written as IDNA (UTS #46, non-transitional) ASCII, so that
 * {@code "Admin@Rt.test\u00a0"}, {@code "ａｄｍｉｎ@rt.test"} and {@code "admin@rt.test"} are one
 * account, and {@code bücher.example} is stored as {@code xn--bcher-kva.example}.
 *
 * <p>Refused ({@link #problem}): spaces, invisible (format), control, private-use or unassigned
 * characters anywhere; a domain that IDNA refuses; a local part or domain label that mixes scripts
 * beyond what ICU's spoof checker allows at its highly restrictive level (one script, or Latin
 * with the Han-based combinations of Chinese, Japanese and Korean), that mixes digits of different
 * systems, or that is written in another script yet looks entirely like Latin letters (a
 * whole-script look-alike such as Cyrillic {@code "асе"} for {@code "ace"}).
 */
final class Emails {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final IDNA IDNA_RULES = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.CHECK_BIDI
            | IDNA.CHECK_CONTEXTJ
            | IDNA.CHECK_CONTEXTO
            | IDNA.USE_STD3_RULES);
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder()
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE)
            .build();

    static final String RULE = "must be a plain address: no spaces, invisible or control characters, a valid"
            + " (internationalized) domain, and no part that mixes scripts or looks like another";

    private Emails() {}

    static @Nullable String normalize(@Nullable String email) {
        if (email == null) {
            return null;
        }
        String plain = stripWhiteSpace(NFKC.normalize(email)).toLowerCase(Locale.ROOT);
        int at = plain.lastIndexOf('@');
        if (at < 0 || hasHiddenCharacters(plain)) {
            // left as it is, for problem() to refuse: IDNA would silently drop some invisible characters
            return plain;
        }
        IDNA.Info info = new IDNA.Info();
        String domain = IDNA_RULES
                .nameToASCII(plain.substring(at + 1), new StringBuilder(), info)
                .toString();
        return info.hasErrors() ? plain : plain.substring(0, at + 1) + domain;
    }

    /** Why a normalised address cannot be registered, or null when it can. */
    static @Nullable String problem(String normalized) {
        if (hasHiddenCharacters(normalized)) {
            return "has spaces, invisible or control characters";
        }
        int at = normalized.lastIndexOf('@');
        if (at < 0) {
            return null; // not an address at all: @Email says so
        }
        IDNA.Info info = new IDNA.Info();
        String domain = IDNA_RULES
                .nameToUnicode(normalized.substring(at + 1), new StringBuilder(), info)
                .toString();
        if (info.hasErrors() || !normalized.substring(at + 1).equals(toAscii(domain))) {
            return "has a domain that is not a valid internationalized domain name";
        }
        if (looksLikeAnother(normalized.substring(0, at))) {
            return "has a local part that mixes scripts or looks like another";
        }
        for (String label : domain.split("\\.")) {
            if (looksLikeAnother(label)) {
                return "has a domain that mixes scripts or looks like another";
            }
        }
        return null;
    }

    private static String toAscii(String domain) {
        return IDNA_RULES
                .nameToASCII(domain, new StringBuilder(), new IDNA.Info())
                .toString();
    }

    private static boolean looksLikeAnother(String part) {
        if (part.isEmpty()) {
            return false;
        }
        if (SPOOF.failsChecks(part)) {
            return true;
        }
        boolean latinOrCommon = part.codePoints().allMatch(c -> {
            int script = UScript.getScript(c);
            return script == UScript.LATIN || script == UScript.COMMON || script == UScript.INHERITED;
        });
        return !latinOrCommon && SPOOF.getSkeleton(part).chars().allMatch(c -> c < 0x80);
    }

    private static boolean hasHiddenCharacters(String text) {
        return text.codePoints().anyMatch(c -> switch (UCharacter.getType(c)) {
            case UCharacter.CONTROL,
                    UCharacter.FORMAT,
                    UCharacter.PRIVATE_USE,
                    UCharacter.UNASSIGNED,
                    UCharacter.SURROGATE,
                    UCharacter.SPACE_SEPARATOR,
                    UCharacter.LINE_SEPARATOR,
                    UCharacter.PARAGRAPH_SEPARATOR -> true;
            default -> UCharacter.hasBinaryProperty(c, com.ibm.icu.lang.UProperty.DEFAULT_IGNORABLE_CODE_POINT);
        });
    }

    private static String stripWhiteSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && UCharacter.isUWhiteSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && UCharacter.isUWhiteSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
