package app.brainbuddy.model;

/** Why a stored model was rebuilt from the user's rated sessions instead of being used. */
enum RebuildReason {
    /** {@code model_weights} is not ciphertext of this version's format (a string, an older format). */
    LEGACY,
    /** Made by a key that is not in the keyset (a lost development keyset, a key retired too early). */
    UNKNOWN_KEY,
    /** Made by one of our keys but failing authentication: altered, or moved from another user. A security event. */
    TAMPERED
}
