package app.brainbuddy;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.SchemaReport;

/** Keeps Spring GraphQL's schema-mapping inspection report of the application's schema for a test to read. */
@TestConfiguration(proxyBeanMethods = false)
public class SchemaReportCapture {

    private final AtomicReference<SchemaReport> report = new AtomicReference<>();

    @Bean
    GraphQlSourceBuilderCustomizer captureSchemaReport() {
        return builder -> builder.inspectSchemaMappings(report::set);
    }

    public SchemaReport report() {
        return report.get();
    }
}
