package app.brainbuddy.habit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.mapping.Field;

/** What to do when the trigger fires; also the input type, since both carry the same two values. */
record InterruptProtocol(
        @NotBlank @Size(max = 100) String technique,
        @Min(5) @Max(3600) @Field("duration") int durationSeconds) {

    /** The technique without surrounding blanks, as stored. */
    InterruptProtocol stripped() {
        return new InterruptProtocol(technique.strip(), durationSeconds);
    }
}
