package app.brainbuddy.model;

import java.time.Instant;

/**
 * What the schema shows of a personal model: a {@link UserModel} read without its weights, so that
 * listing models neither moves nor decodes the ciphertext.
 */
record ModelStatus(String id, String userId, Instant lastUpdated, long trainingSteps, ModelPhase phase) {}
