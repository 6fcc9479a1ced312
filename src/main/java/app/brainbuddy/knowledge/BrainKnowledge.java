package app.brainbuddy.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/** One piece of scientific evidence: a stimulus with its parameters, an outcome, and how strong the evidence is. */
@Document("brain_knowledge")
public record BrainKnowledge(
        @Id String id,
        @Indexed @Field("stimulus_type") String stimulusType,
        @Field("stimulus_parameters") Map<String, Object> stimulusParameters,
        @Indexed String outcome,
        @Field("evidence_strength") double evidenceStrength,
        List<Citation> citations,
        @Field("created_at") Instant createdAt) {

    /** The first source as people cite it in passing, e.g. {@code "Garcia-Argibay 2019"}. */
    public String shortCitation() {
        return citations.stream()
                .findFirst()
                .map(citation -> citation.authors().split("[ ,]")[0] + " " + citation.year())
                .orElse("uncited");
    }
}
