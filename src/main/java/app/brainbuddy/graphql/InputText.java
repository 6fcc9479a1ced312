package app.brainbuddy.graphql;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The text of every argument, checked before a data fetcher sees it ({@link RequestLimits} calls it
 * for every field that is not a plain property): no string longer than the limit, also inside JSON
 * arguments, and no control character, so that none reaches storage, logs or other people's answers.
 * In string values, tab, line feed and carriage return stay allowed (free text such as a habit's
 * routine may have lines); NUL, the other C0 controls, DEL and the C1 controls are refused. In the
 * keys of JSON objects every control character is refused: a key is a name, never text.
 */
final class InputText {

    private InputText() {}

    /** Refuses the argument {@code path} when a string in it is too long or has a refused control character. */
    static void check(String path, @Nullable Object value, int maxLength) {
        if (value instanceof String text) {
            if (text.length() > maxLength) {
                throw ApiException.badRequest(
                        "Invalid input: %s is %d characters long; the limit is %d (brainbuddy.graphql.max-string-length)"
                                .formatted(path, text.length(), maxLength));
            }
            int at = firstControl(text, true);
            if (at >= 0) {
                throw ApiException.badRequest("Invalid input: " + path + " contains the control character "
                        + codePoint(text.charAt(at)) + "; only tab, line feed and carriage return are allowed");
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                String name = String.valueOf(key);
                int at = firstControl(name, false);
                if (at >= 0) {
                    throw ApiException.badRequest("Invalid input: a key of " + path + " contains the control character "
                            + codePoint(name.charAt(at)) + "; keys may contain none");
                }
                check(path + "." + name, inner, maxLength);
            });
        } else if (value instanceof Collection<?> list) {
            int index = 0;
            for (Object inner : list) {
                check(path + "[" + index++ + "]", inner, maxLength);
            }
        }
    }

    private static int firstControl(String text, boolean lineBreaksAndTabsAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            if (control && !(lineBreaksAndTabsAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
