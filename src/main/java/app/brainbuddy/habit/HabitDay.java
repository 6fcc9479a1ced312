package app.brainbuddy.habit;

import java.time.LocalDate;

/** One UTC day of a habit's history, for charts. */
record HabitDay(LocalDate date, int attempts, int successes) {}
