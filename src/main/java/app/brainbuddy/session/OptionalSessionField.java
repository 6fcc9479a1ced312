package app.brainbuddy.session;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The stored fields of a session that a page reads only when the query selects the field that shows
 * them: the generated content is most of a session's size, the evidence ids most of the rest.
 */
enum OptionalSessionField {
    CONTENT("generatedContent", "generatedContent", "content", "audio"),
    EVIDENCE("evidenceIds", "evidence");

    private final String property;
    private final List<String> schemaFields;

    OptionalSessionField(String property, String... schemaFields) {
        this.property = property;
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

    /** The properties of {@link TrainingSession} that a page whose query selects these fields leaves out. */
    static List<String> leftOut(Set<OptionalSessionField> selected) {
        return Arrays.stream(values())
                .filter(field -> !selected.contains(field))
                .map(field -> field.property)
                .toList();
    }
}
