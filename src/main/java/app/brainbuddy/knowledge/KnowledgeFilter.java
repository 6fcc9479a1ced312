package app.brainbuddy.knowledge;

import org.jspecify.annotations.Nullable;

record KnowledgeFilter(
        @Nullable String stimulusType,
        @Nullable String outcome,
        @Nullable Double minEvidence) {

    static final KnowledgeFilter NONE = new KnowledgeFilter(null, null, null);
}
