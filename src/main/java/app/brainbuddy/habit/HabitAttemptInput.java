package app.brainbuddy.habit;

record HabitAttemptInput(String habitId, boolean success) {}
