package app.brainbuddy.auth;

import app.brainbuddy.user.Scope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

record CreateIntegrationTokenInput(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 5) List<Scope> scopes,
        @Min(1) @Max(CreateIntegrationTokenInput.MAX_DAYS) int expiresInDays) {

    /** The longest an integration token lives; its tokens are refused beyond it (see TokenLifetime). */
    static final int MAX_DAYS = 365;
}
