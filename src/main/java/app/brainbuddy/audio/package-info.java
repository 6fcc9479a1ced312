/**
 * Session audio: signed, short-lived links ({@code TrainingSession.audio}) to {@code GET
 * /sessions/{id}/audio}, which synthesises the session's WAV while it streams and answers range requests.
 */
@NullMarked
package app.brainbuddy.audio;

import org.jspecify.annotations.NullMarked;
