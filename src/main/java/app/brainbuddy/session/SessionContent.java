package app.brainbuddy.session;

/**
 * What a session plays or guides, typed for clients: read from the stored {@code generated_content}
 * by {@link StoredContent}, whatever shape an older client stored. The record names are the schema's
 * type names, which is how the union's members are resolved.
 */
public sealed interface SessionContent permits BrainwaveSessionContent, RoutineSessionContent, UnknownSessionContent {

    /** How long the session lasts, in seconds. */
    int durationSeconds();
}
