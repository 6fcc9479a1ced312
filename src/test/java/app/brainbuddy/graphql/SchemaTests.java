package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.SchemaReportCapture;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;

class SchemaTests extends GraphQlIntegrationTest {

    @Autowired
    private GraphQlSource graphQlSource;

    @Autowired
    private SchemaReportCapture schemaReport;

    @Test
    void everySchemaFieldIsMappedToCodeOfTheSameNullness() {
        SchemaReport report = schemaReport.report();
        assertThat(report).isNotNull();
        assertThat(report.unmappedFields()).isEmpty();
        assertThat(report.unmappedRegistrations()).isEmpty();
        assertThat(report.unmappedArguments()).isEmpty();
        assertThat(report.skippedTypes()).isEmpty();
        assertThat(report.fieldNullnessErrors()).isEmpty();
        assertThat(report.argumentNullnessErrors()).isEmpty();
    }

    @Test
    void everyTypeFieldArgumentAndEnumValueHasADescription() {
        GraphQLSchema schema = graphQlSource.schema();
        List<String> undescribed = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            check(undescribed, type.getName(), type.getDescription());
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    String path = type.getName() + "." + field.getName();
                    check(undescribed, path, field.getDescription());
                    for (GraphQLArgument argument : field.getArguments()) {
                        check(undescribed, path + "(" + argument.getName() + ")", argument.getDescription());
                    }
                }
            }
            if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    check(undescribed, type.getName() + "." + field.getName(), field.getDescription());
                }
            }
            if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    check(undescribed, type.getName() + "." + value.getName(), value.getDescription());
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    private static void check(List<String> undescribed, String element, String description) {
        if (description == null || description.isBlank()) {
            undescribed.add(element);
        }
    }
}
