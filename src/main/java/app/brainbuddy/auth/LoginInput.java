package app.brainbuddy.auth;

import jakarta.validation.constraints.Size;

/** Bounded like a registration, so that no login attempt costs more than a real one (or a huge rate-limit key). */
record LoginInput(
        @Size(max = 254) String email, @Size(max = 1000) String password) {

    LoginInput {
        email = Emails.normalize(email);
    }
}
