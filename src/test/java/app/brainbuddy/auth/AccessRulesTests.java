package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.scalars.ExtendedScalars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.GraphQlSource;

/** The schema's access rules are checked when the schema is built: a field without one stops startup. */
class AccessRulesTests {

    @Test
    void theSchemaAsShippedGivesEveryFieldARule() throws IOException {
        assertThat(build("").schema().getQueryType().getFieldDefinition("me")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a root field without a rule     | extend type Query { \"d\" leak: String }                                      | Query.leak has no access rule
            a mutation without a rule       | extend type Mutation { \"d\" wipe: ID }                                        | Mutation.wipe has no access rule
            a new type without a rule       | extend type User { \"d\" secret: Secret @access(rule: PARENT) } \"d\" type Secret { \"d\" value: String } | Secret.value has no access rule
            a rule to inherit at the root   | extend type Query { \"d\" inherited: String @access(rule: PARENT) }            | Query.inherited: a root field has no parent
            signing in below the root       | extend type User { \"d\" relogin: String @access(rule: SIGNS_IN) }             | User.relogin: SIGNS_IN is only for root fields
            """)
    void aSchemaWithAFieldWithoutAValidRuleDoesNotStart(String caseName, String extension, String message) {
        assertThatThrownBy(() -> build(extension).schema())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }

    private static GraphQlSource build(String extension) throws IOException {
        List<Resource> schema = new ArrayList<>(
                List.of(new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")));
        if (!extension.isEmpty()) {
            schema.add(new ByteArrayResource(extension.getBytes(StandardCharsets.UTF_8), "extension"));
        }
        GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
                .schemaResources(schema.toArray(Resource[]::new))
                .configureRuntimeWiring(wiring -> wiring.scalar(ExtendedScalars.DateTime)
                        .scalar(ExtendedScalars.Date)
                        .scalar(ExtendedScalars.Json));
        new AccessRules().customize(builder);
        return builder.build();
    }
}
