package app.brainbuddy.user;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Whose statistics, over which period: {@code from} inclusive, {@code to} exclusive, each optional. */
public record StatsScope(
        String userId, @Nullable Instant from, @Nullable Instant to) {

    /** What a valid period is; the service checks it first, so that a client hears of it as bad input. */
    static final String PERIOD_RULE = "stats: from must be before to";

    public StatsScope {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException(PERIOD_RULE);
        }
    }

    /** Whether any part of this UTC day lies within the period; for data counted per day. */
    public boolean includesDay(LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return (to == null || start.isBefore(to)) && (from == null || end.isAfter(from));
    }
}
