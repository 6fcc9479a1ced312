package app.brainbuddy.auth;

import app.brainbuddy.user.Chronotype;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record RegisterInput(
        @NotBlank @Email @Size(max = 254) String email,

        @NotNull String password,

        @NotNull Chronotype chronotype) {

    RegisterInput {
        email = Emails.normalize(email);
    }

    @AssertTrue(message = Passwords.RULE)
    boolean isPassword() {
        return Passwords.acceptable(password);
    }

    @AssertTrue(message = Emails.RULE)
    boolean isEmail() {
        return email == null || Emails.problem(email) == null;
    }
}
