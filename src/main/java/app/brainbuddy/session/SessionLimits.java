package app.brainbuddy.session;

import app.brainbuddy.graphql.JsonLimits;
import app.brainbuddy.graphql.QueryCost;

/** The limits every session keeps, however it is created. */
final class SessionLimits {

    static final int SHORTEST_SECONDS = 60;
    static final int LONGEST_SECONDS = 7200;
    static final int BATCH_ITEMS = QueryCost.MAX_BATCH;
    /**
     * Generated content as a device may send it back: room for a two-hour routine (about 15 KB), and
     * a bound on what a page of sessions can weigh in an answer.
     */
    static final JsonLimits CONTENT = JsonLimits.LARGE_OBJECT;

    private SessionLimits() {}
}
