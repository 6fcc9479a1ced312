package app.brainbuddy.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.IndexDirection;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One piece of scientific evidence: a stimulus with its parameters, an outcome, how strong the
 * evidence is, and in a sentence why ({@code evidenceNote}, absent on entries written before it).
 */
@Document("brain_knowledge")
public record BrainKnowledge(
        @Id String id,
        @Indexed @Field("stimulus_type") String stimulusType,
        @Field("stimulus_parameters") Map<String, Object> stimulusParameters,
        @Indexed String outcome,

        @Indexed(direction = IndexDirection.DESCENDING) @Field("evidence_strength")
        double evidenceStrength,

        List<Citation> citations,
        @Field("created_at") Instant createdAt,
        @Field("evidence_note") @Nullable String evidenceNote) {

    /** The first source as people cite it in passing, e.g. {@code "Garcia-Argibay 2019"}. */
    public String shortCitation() {
        return citations.stream()
                .findFirst()
                .map(citation -> citation.authors().split("[ ,]")[0] + " " + citation.year())
                .orElse("uncited");
    }
}
