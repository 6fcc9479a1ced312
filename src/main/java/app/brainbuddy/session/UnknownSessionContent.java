package app.brainbuddy.session;

/** Content stored by a client in a shape this server cannot type; the raw form stays in {@code generatedContent}. */
public record UnknownSessionContent(int durationSeconds, String reason) implements SessionContent {}
