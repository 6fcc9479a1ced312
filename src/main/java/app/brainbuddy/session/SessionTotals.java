package app.brainbuddy.session;

import java.util.List;

/**
 * A user's session statistics over a period: by module, by brainwave target, and week by week. Each
 * grouping has a record of its own, so each key is non-null as its GraphQL type declares.
 */
record SessionTotals(List<ModuleStats> byModule, List<TargetStats> byTarget, List<WeekStats> weekly) {

    static final SessionTotals NONE = new SessionTotals(List.of(), List.of(), List.of());

    /** The latest {@code last} weeks with sessions, oldest first. */
    List<WeekStats> latestWeeks(int last) {
        return weekly.subList(Math.max(0, weekly.size() - last), weekly.size());
    }
}
