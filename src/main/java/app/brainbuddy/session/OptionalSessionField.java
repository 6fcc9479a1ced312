package app.brainbuddy.session;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The stored fields of a session that a page reads only when the query selects the field that shows
 * them: the generated content is most of a session's size, the evidence ids most of the rest.
 */
enum OptionalSessionField {
    CONTENT("generated_content", "generatedContent", "content", "audio"),
    EVIDENCE("evidence_ids", "evidence");

    private final String storedField;
    private final List<String> schemaFields;

    OptionalSessionField(String storedField, String... schemaFields) {
        this.storedField = storedField;
        this.schemaFields = List.of(schemaFields);
    }

    /** The optional fields a connection's selection needs. */
    static Set<OptionalSessionField> selectedIn(DataFetchingFieldSelectionSet connection) {
        Set<OptionalSessionField> selected = EnumSet.noneOf(OptionalSessionField.class);
        for (OptionalSessionField field : values()) {
            if (field.schemaFields.stream().anyMatch(name -> connection.contains("edges/node/" + name))) {
                selected.add(field);
            }
        }
        return selected;
    }

    /** The projection for a page whose query selects these fields: it leaves out the others; null when none is left out. */
    static @Nullable Document projectionFor(Set<OptionalSessionField> selected) {
        Document projection = new Document();
        for (OptionalSessionField field : values()) {
            if (!selected.contains(field)) {
                projection.append(field.storedField, 0);
            }
        }
        return projection.isEmpty() ? null : projection;
    }
}
