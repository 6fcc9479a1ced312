package app.brainbuddy.habit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record CreateHabitInput(
        @NotNull HabitType habitType,
        @NotBlank @Size(max = 200) String trigger,
        @NotBlank @Size(max = 200) String routine,
        @NotBlank @Size(max = 200) String reward,
        @NotNull @Valid InterruptProtocol interruptProtocol) {}
