package app.brainbuddy.logging;

import org.jspecify.annotations.Nullable;

/**
 * The one place that escapes text for the log: line breaks, NUL and every other control character
 * (C0, DEL, C1, the Unicode line and paragraph separators) are written as Java escapes, and the
 * backslash itself doubled, so that text from a request can neither start a forged line nor pass
 * for an escape.
 */
public final class LogText {

    private LogText() {}

    public static @Nullable String escape(@Nullable String text) {
        if (text == null || !needsEscaping(text)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\0' -> escaped.append("\\0");
                default -> {
                    if (isControl(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || isControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
