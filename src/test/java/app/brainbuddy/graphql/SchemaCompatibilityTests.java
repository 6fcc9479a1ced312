package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The frontend, the Postman collection and integrations code against the schema: the live schema
 * must keep everything of the committed baseline. Adding is fine; a deliberate breaking change
 * updates the baseline with {@code ./mvnw test -Dtest=SchemaCompatibilityTests -Dbrainbuddy.update-schema-baseline=true}.
 */
class SchemaCompatibilityTests extends GraphQlIntegrationTest {

    private static final Path BASELINE = Path.of("src/test/resources/schema-baseline.graphqls");

    @Autowired
    private GraphQlSource graphQlSource;

    @Test
    void theLiveSchemaBreaksNothingOfTheBaseline() throws IOException {
        String live = new SchemaPrinter().print(graphQlSource.schema());
        if (Boolean.getBoolean("brainbuddy.update-schema-baseline")) {
            Files.writeString(BASELINE, live);
        }

        List<String> breakages = breakages(Files.readString(BASELINE), live);

        assertThat(breakages)
                .as("breaking changes against %s; if deliberate, update the baseline", BASELINE)
                .isEmpty();
    }

    @Test
    void removingOrTighteningAnythingCountsAsBreaking() throws IOException {
        String baseline = Files.readString(BASELINE);

        assertThat(breakages(baseline, baseline.replace("  bestStreak: Int!\n", "  longestStreak: Int!\n")))
                .isNotEmpty();
        assertThat(breakages(baseline, baseline.replace("  successRate: Float\n", "  successRate: Float!\n")))
                .isEmpty();
        assertThat(breakages(baseline, baseline.replace("  NEGATIVE_LOOP\n", "  NEGATIVE_HABIT\n")))
                .isNotEmpty();
        assertThat(breakages(baseline, baseline.replace("first: Int", "first: Int!")))
                .isNotEmpty();
        assertThat(breakages(baseline, baseline + "\ntype Extra {\n  \"new\"\n  field: Int\n}\n"))
                .isEmpty();
    }

    @Test
    void thePrintedSchemaIsPublishedForIntegrators() {
        String published = okBody(server().get().uri("/graphql/schema"));

        assertThat(published).contains("type Query", "recordHabitAttempt", "\"The signed-in user");
    }

    private static List<String> breakages(String baseline, String candidate) {
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(baseline, candidate), reporter);
        return reporter.getBreakages().stream().map(DiffEvent::toString).toList();
    }
}
