package app.brainbuddy.model;

import java.time.Instant;

/**
 * What the schema shows of a personal model: a {@link UserModel} read without its weights, so that
 * listing models neither moves nor decodes the ciphertext. The phase is not read: it follows from
 * {@code trainingSteps} ({@link ModelSettings#phaseAfter}), as the recommendation's does.
 */
record ModelStatus(String id, String userId, Instant lastUpdated, long trainingSteps) {}
