package app.brainbuddy.audio;

import java.time.Instant;

/** Where to fetch a session's audio, until when, and what it is. */
record SessionAudio(
        String url, Instant expiresAt, String format, int sampleRate, boolean loop, double durationSeconds) {}
