package app.brainbuddy.knowledge;

import app.brainbuddy.graphql.QueryCost;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A new knowledge entry; also the shape of each entry of the starter data. */
record AddKnowledgeInput(
        @NotNull @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_MESSAGE)
        String stimulusType,

        @NotNull Map<String, Object> stimulusParameters,

        @NotNull @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_MESSAGE)
        String outcome,

        @DecimalMin("0.0") @DecimalMax("1.0") double evidenceStrength,
        @Nullable @Size(max = MAX_NOTE) String evidenceNote,
        @NotNull @Size(min = 1, max = MAX_CITATIONS) List<@NotNull @Valid Citation> citations) {

    static final String IDENTIFIER = "[a-z][a-z0-9_]{0,63}";
    static final String IDENTIFIER_MESSAGE =
            "must be a snake_case identifier: a lowercase letter, then up to 63 lowercase letters, digits or underscores";
    static final int MAX_NOTE = 2000;
    static final int MAX_CITATIONS = QueryCost.MAX_CITATIONS;

    BrainKnowledge toEntry(String id, Instant createdAt) {
        return new BrainKnowledge(
                id,
                stimulusType,
                stimulusParameters,
                outcome,
                evidenceStrength,
                citations.stream().map(Citation::stripped).toList(),
                createdAt,
                note(evidenceNote));
    }

    /** A note of only white space is no note. */
    static @Nullable String note(@Nullable String evidenceNote) {
        return evidenceNote == null || evidenceNote.isBlank() ? null : evidenceNote.strip();
    }
}
