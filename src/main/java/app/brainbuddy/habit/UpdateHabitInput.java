package app.brainbuddy.habit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Changes to a habit; the parts left out stay as they are. */
record UpdateHabitInput(
        String id,
        @Nullable HabitType habitType,

        @Nullable @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String trigger,

        @Nullable @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String routine,

        @Nullable @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String reward,

        @Nullable @Valid InterruptProtocol interruptProtocol) {

    static final String NOT_BLANK = "(?s).*\\S.*";

    @AssertTrue(message = "must name at least one field to change")
    boolean isAnyChange() {
        return habitType != null || trigger != null || routine != null || reward != null || interruptProtocol != null;
    }
}
