package app.brainbuddy.knowledge;

import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Page;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class KnowledgeController {

    private final KnowledgeService knowledge;

    KnowledgeController(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @QueryMapping
    Connection<BrainKnowledge> knowledge(
            @Argument @Nullable KnowledgeFilter filter,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after) {
        return knowledge.search(filter == null ? KnowledgeFilter.NONE : filter, Page.of("knowledge", first, after));
    }

    @MutationMapping
    BrainKnowledge addKnowledge(@Argument @Valid AddKnowledgeInput input) {
        return knowledge.add(input);
    }

    @MutationMapping
    BrainKnowledge updateKnowledge(@Argument @Valid UpdateKnowledgeInput input) {
        return knowledge.update(input);
    }

    @MutationMapping
    String deleteKnowledge(@Argument String id) {
        return knowledge.delete(id);
    }
}
