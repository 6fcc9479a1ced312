package app.brainbuddy.knowledge;

/** A published source behind a knowledge entry. */
record Citation(String title, String authors, int year, String doi) {}
