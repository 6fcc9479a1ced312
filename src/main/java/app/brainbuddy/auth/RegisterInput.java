package app.brainbuddy.auth;

import app.brainbuddy.user.Chronotype;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;

record RegisterInput(
        @NotBlank @Email @Size(max = 254) String email,

        @NotNull @Size(min = 10, message = "must be at least 10 characters long")
        String password,

        @NotNull Chronotype chronotype) {

    RegisterInput {
        email = Emails.normalize(email);
    }

    /** BCrypt reads only the first 72 bytes; longer passwords are refused rather than silently cut. */
    @AssertTrue(message = "must be at most 72 bytes long in UTF-8")
    boolean isPassword() {
        return password == null || password.getBytes(StandardCharsets.UTF_8).length <= 72;
    }
}
