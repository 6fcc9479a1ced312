package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Postman collection calls every query and mutation of the schema, so a new one cannot be forgotten there. */
class PostmanCollectionTests extends GraphQlIntegrationTest {

    private static final Path COLLECTION = Path.of("postman/brain-buddy.postman_collection.json");

    @Autowired
    private GraphQlSource graphQlSource;

    @Test
    void theCollectionCallsEveryOperationOfTheSchema() throws IOException {
        Set<String> called = new TreeSet<>();
        calls(JsonMapper.builder().build().readTree(COLLECTION.toFile()), called);

        var schema = graphQlSource.schema();
        Set<String> operations = new TreeSet<>();
        Stream.of(schema.getQueryType(), schema.getMutationType())
                .map(GraphQLObjectType::getFieldDefinitions)
                .flatMap(java.util.List::stream)
                .map(GraphQLFieldDefinition::getName)
                .forEach(operations::add);

        assertThat(called).containsAll(operations);
    }

    /** The root fields of every GraphQL request in the collection's folders. */
    private static void calls(JsonNode item, Set<String> called) {
        JsonNode query = item.path("request").path("body").path("graphql").path("query");
        if (query.isString()) {
            Parser.parse(query.asString()).getDefinitionsOfType(OperationDefinition.class).stream()
                    .flatMap(operation -> operation.getSelectionSet().getSelectionsOfType(Field.class).stream())
                    .map(Field::getName)
                    .forEach(called::add);
        }
        item.path("item").forEach(child -> calls(child, called));
    }
}
