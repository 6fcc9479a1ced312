package app.brainbuddy.habit;

/** A habit's interrupt protocol with the trigger it answers: what a PFC gym session rehearses. */
public record InterruptDrill(String habitId, String trigger, String technique, int durationSeconds) {}
