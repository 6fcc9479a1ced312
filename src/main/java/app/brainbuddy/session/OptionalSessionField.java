package app.brainbuddy.session;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.EnumSet;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The stored fields of a session that a page reads only when the query selects the field that shows
 * them: the generated content is most of a session's size, the evidence ids most of the rest.
 */
enum OptionalSessionField {
    CONTENT("generatedContent", "generated_content"),
    EVIDENCE("evidence", "evidence_ids");

    private final String schemaField;
    private final String storedField;

    OptionalSessionField(String schemaField, String storedField) {
        this.schemaField = schemaField;
        this.storedField = storedField;
    }

    /** The optional fields a connection's selection needs. */
    static Set<OptionalSessionField> selectedIn(DataFetchingFieldSelectionSet connection) {
        Set<OptionalSessionField> selected = EnumSet.noneOf(OptionalSessionField.class);
        for (OptionalSessionField field : values()) {
            if (connection.contains("edges/node/" + field.schemaField)) {
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
