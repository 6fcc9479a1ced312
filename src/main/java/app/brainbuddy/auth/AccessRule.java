package app.brainbuddy.auth;

/**
 * Who may resolve a field: the values of the schema's {@code @access(rule:)} (common.graphqls
 * describes each). The services still check ownership themselves; these rules are the gate in
 * front of them, so that a field nobody thought about is closed rather than open.
 */
enum AccessRule {
    PUBLIC,
    SIGNS_IN,
    OWNER,
    OWN_TOKEN,
    ADMIN,
    PARENT;

    /** Whether the field's data fetcher needs the guard; the others cost nothing per field. */
    boolean guarded() {
        return this != PUBLIC && this != PARENT;
    }
}
