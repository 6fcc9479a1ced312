package app.brainbuddy.habit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt as a device reports it: {@code clientId} (an ObjectId made on the device) makes a retry
 * count once, {@code occurredAt} lets an attempt made offline land on its own day.
 */
record HabitAttemptInput(
        String habitId,
        boolean success,
        @Nullable String clientId,
        @Nullable Instant occurredAt) {}
