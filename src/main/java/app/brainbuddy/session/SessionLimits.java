package app.brainbuddy.session;

import app.brainbuddy.graphql.JsonLimits;

/** The limits every session keeps, however it is created. */
final class SessionLimits {

    static final int SHORTEST_SECONDS = 60;
    static final int LONGEST_SECONDS = 7200;
    static final int BATCH_ITEMS = 500;
    /** Generated content as a device may send it back: room for a two-hour routine (about 15 KB). */
    static final JsonLimits CONTENT = new JsonLimits(2000, 5, 64 * 1024);

    private SessionLimits() {}
}
