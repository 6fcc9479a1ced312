package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The cost model is an upper bound only if it knows every list's size: each list field of the schema
 * is a page ({@code first}) or has a declared maximum in {@link QueryCost}. A list field added without
 * one fails here by name, instead of being estimated at a guessed 100 items.
 */
class ListSizesTests extends GraphQlIntegrationTest {

    @Autowired
    private GraphQlSource graphQlSource;

    @Autowired
    private QueryCost cost;

    @Test
    void everyListFieldOfTheSchemaHasADeclaredSize() {
        List<GraphQLObjectType> types = graphQlSource.schema().getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance)
                .map(GraphQLObjectType.class::cast)
                .filter(type -> !type.getName().startsWith("__"))
                .toList();

        List<String> lists = types.stream()
                .flatMap(type -> type.getFieldDefinitions().stream()
                        .filter(field -> GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList)
                        .map(field -> type.getName() + "." + field.getName()))
                .toList();
        List<String> undeclared = types.stream()
                .flatMap(type -> type.getFieldDefinitions().stream()
                        .filter(field -> GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList)
                        .filter(field -> !cost.declares(type.getName(), field))
                        .map(field -> type.getName() + "." + field.getName()))
                .toList();

        assertThat(lists).contains("UserStats.weekly", "Habit.history", "User.habits");
        assertThat(undeclared).as("list fields without a size in QueryCost").isEmpty();
    }
}
