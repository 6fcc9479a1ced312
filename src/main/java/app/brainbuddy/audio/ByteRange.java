package app.brainbuddy.audio;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One byte range of a {@code Range: bytes=...} header, limits inclusive. Players ask for one range at
 * a time; a header of several ranges or of another unit is ignored (RFC 9110 allows that), so the whole
 * file is sent.
 */
record ByteRange(long first, long last) {

    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** The range asked for, clipped to the file; null to send the whole file; {@link #UNSATISFIABLE} past its end. */
    static @Nullable ByteRange parse(@Nullable String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher matcher = SINGLE.matcher(header.strip());
        if (!matcher.matches()
                || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return null;
        }
        try {
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                return suffix == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(matcher.group(1));
            if (first >= size) {
                return UNSATISFIABLE;
            }
            long last = matcher.group(2).isEmpty() ? size - 1 : Long.parseLong(matcher.group(2));
            return last < first ? null : new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }
}
