package app.brainbuddy.habit;

/** A habit loop to break or a routine to build; stored lowercase. */
public enum HabitType {
    NEGATIVE_LOOP,
    POSITIVE_ROUTINE
}
