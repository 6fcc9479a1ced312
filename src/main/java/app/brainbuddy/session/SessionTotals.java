package app.brainbuddy.session;

import java.util.List;

/** A user's session statistics over a period: by module, by brainwave target, and week by week. */
record SessionTotals(List<SessionGroup> byModule, List<SessionGroup> byTarget, List<SessionGroup> weekly) {

    static final SessionTotals NONE = new SessionTotals(List.of(), List.of(), List.of());
}
