package app.brainbuddy.graphql;

import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Depth and complexity limits, checked before execution. A field costs one plus its children; a
 * connection's children count once per item of its page ({@code first}, 20 when left out), and a
 * plain list's children ten times (a connection's {@code edges} list is its page, counted once). Introspection fields cost as plain fields, so GraphiQL's schema
 * query fits.
 */
@Configuration(proxyBeanMethods = false)
class QueryCost {

    static final int PLAIN_LIST_WEIGHT = 10;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new AbortExecutionException(
                        "The query is %d levels deep; the limit is %d (brainbuddy.graphql.max-depth)"
                                .formatted(depth, maxDepth));
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), QueryCost::cost) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return new AbortExecutionException(
                        "The query costs %d; the limit is %d (brainbuddy.graphql.max-complexity). Ask for smaller pages (first)."
                                .formatted(complexity, maxComplexity));
            }
        };
    }

    static int cost(FieldComplexityEnvironment field, int childrenCost) {
        if (field.getField().getName().startsWith("__")) {
            return 1 + childrenCost;
        }
        return 1 + multiplier(field) * childrenCost;
    }

    private static int multiplier(FieldComplexityEnvironment field) {
        if (GraphQLTypeUtil.unwrapNonNull(field.getFieldDefinition().getType()) instanceof GraphQLList) {
            // a connection's edges are its page, already counted by the connection's first
            return field.getField().getName().equals("edges") ? 1 : PLAIN_LIST_WEIGHT;
        }
        if (field.getFieldDefinition().getArgument("first") != null) {
            return field.getArguments().get("first") instanceof Integer first ? Math.max(first, 1) : Page.DEFAULT_FIRST;
        }
        return 1;
    }
}
