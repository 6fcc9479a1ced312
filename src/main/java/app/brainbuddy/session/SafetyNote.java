package app.brainbuddy.session;

/**
 * The reviewed safety notes shown with brainwave content. Kept to this short list on purpose: a note
 * is added here, reviewed, and never composed per session.
 */
public enum SafetyNote {
    NOT_WHILE_DRIVING(
            "Do not listen while driving, operating machinery or doing anything that needs your full attention:"
                    + " the audio is meant to relax or absorb you."),
    SEIZURE_CAUTION("Rhythmically pulsing or beating sound may trigger seizures in people with epilepsy or a"
            + " history of seizures; ask a doctor before using it, and stop if you feel unwell."),
    LOW_VOLUME("Keep the volume low and comfortable: the beat works at low levels, and loud tones over a long"
            + " session can harm hearing."),
    NOT_A_TREATMENT("This is not a medical treatment; the evidence for brainwave entrainment is mixed.");

    private final String text;

    SafetyNote(String text) {
        this.text = text;
    }

    /** The note's name, for clients that show their own wording. */
    public SafetyNote kind() {
        return this;
    }

    public String text() {
        return text;
    }
}
