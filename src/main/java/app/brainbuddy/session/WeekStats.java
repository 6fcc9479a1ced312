package app.brainbuddy.session;

import org.jspecify.annotations.Nullable;

/** The GraphQL {@code WeekStats}: a user's sessions in one ISO week ({@code 2026-W48}). */
record WeekStats(String week, int count, @Nullable Double averageRating) {}
