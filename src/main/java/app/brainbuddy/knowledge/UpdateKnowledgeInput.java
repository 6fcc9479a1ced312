package app.brainbuddy.knowledge;

import static app.brainbuddy.knowledge.AddKnowledgeInput.IDENTIFIER;
import static app.brainbuddy.knowledge.AddKnowledgeInput.IDENTIFIER_MESSAGE;
import static app.brainbuddy.knowledge.AddKnowledgeInput.MAX_CITATIONS;
import static app.brainbuddy.knowledge.AddKnowledgeInput.MAX_NOTE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.ArgumentValue;

/**
 * Changes to a knowledge entry; the parts left out stay as they are. {@code evidenceNote} tells a
 * note left out (kept) from one set to null (removed).
 */
record UpdateKnowledgeInput(
        String id,

        @Nullable @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_MESSAGE)
        String stimulusType,

        @Nullable Map<String, Object> stimulusParameters,

        @Nullable @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_MESSAGE)
        String outcome,

        @Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double evidenceStrength,
        ArgumentValue<@Size(max = MAX_NOTE) String> evidenceNote,
        @Nullable @Size(min = 1, max = MAX_CITATIONS) List<@NotNull @Valid Citation> citations) {

    @AssertTrue(message = "must name at least one field to change")
    boolean isAnyChange() {
        return stimulusType != null
                || stimulusParameters != null
                || outcome != null
                || evidenceStrength != null
                || !evidenceNote.isOmitted()
                || citations != null;
    }
}
