package app.brainbuddy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The attack report's memory and volume cases, shared by the in-process tests and the packaged-jar ones. */
public final class AttackDocuments {

    private AttackDocuments() {}

    /** Every habit's year of history, under {@code aliases} aliases: the out-of-memory query. */
    public static String habitHistories(int aliases) {
        return aliased(aliases, "habits{history(days:366){date attempts successes}}");
    }

    /** A page of 100 sessions' stored content, under {@code aliases} aliases: the amplification query. */
    public static String largeSessionPages(int aliases) {
        return aliased(aliases, "sessions(first:100){edges{node{generatedContent}}}");
    }

    /** {@code count} sessions of yesterday, each with 15 KB of stored content (the limit is 16 KB). */
    public static List<Map<String, Object>> largeSessions(int count) {
        return sessionsOfYesterday(count, Map.of("notes", "n".repeat(7_500), "more", "m".repeat(7_500)));
    }

    /** {@code count} ten-minute sessions of yesterday, a second apart, with this stored content (none when empty). */
    public static List<Map<String, Object>> sessionsOfYesterday(int count, Map<String, Object> content) {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    Map<String, Object> session = new HashMap<>(Map.of(
                            "moduleType",
                            "MOVERS",
                            "durationSeconds",
                            600,
                            "timestamp",
                            start.plusSeconds(i).toString()));
                    if (!content.isEmpty()) {
                        session.put("generatedContent", content);
                    }
                    return session;
                })
                .toList();
    }

    private static String aliased(int aliases, String field) {
        return IntStream.range(0, aliases)
                .mapToObj(i -> "a" + i + ":" + field)
                .collect(Collectors.joining(" ", "{me{", "}}"));
    }
}
