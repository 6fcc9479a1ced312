package app.brainbuddy.auth;

import app.brainbuddy.user.Scope;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Access is denied by default: every field of every object type resolves under the rule of its
 * {@code @access} directive, or else of its type's; the fields of Query and Mutation each carry
 * their own. A field without a rule stops the server from starting, naming the field. Fields whose
 * rule needs a check get {@link AccessGuard} wrapped around their data fetcher, once, here.
 */
@Component
// first of the schema's visitors: SubscriptionLifetime wraps the guard this puts on Subscription's fields
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessRules implements GraphQlSourceBuilderCustomizer {

    static final String DIRECTIVE = "access";

    private static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.typeVisitors(List.of(new GuardEveryField()));
    }

    /** The rule of a field, read from the schema; fails for a field without one. */
    static FieldRule ruleOf(GraphQLObjectType type, GraphQLFieldDefinition field) {
        boolean root = ROOT_TYPES.contains(type.getName());
        GraphQLAppliedDirective declared = field.getAppliedDirective(DIRECTIVE);
        if (declared == null && !root) {
            declared = type.getAppliedDirective(DIRECTIVE);
        }
        String where = type.getName() + "." + field.getName();
        if (declared == null) {
            throw new IllegalStateException(where + " has no access rule: give it, or "
                    + (root ? "(a root field) nothing else," : "its type,")
                    + " an @access(rule: ...) directive (see common.graphqls)");
        }
        FieldRule rule =
                new FieldRule(AccessRule.valueOf(String.valueOf(argument(declared, "rule"))), scopeOf(declared));
        if (root && rule.rule() == AccessRule.PARENT) {
            throw new IllegalStateException(where + ": a root field has no parent to inherit PARENT from");
        }
        if (!root && rule.rule() == AccessRule.SIGNS_IN) {
            throw new IllegalStateException(where + ": SIGNS_IN is only for root fields");
        }
        return rule;
    }

    private static @Nullable Scope scopeOf(GraphQLAppliedDirective declared) {
        Object scope = argument(declared, "scope");
        return scope == null ? null : Scope.valueOf(String.valueOf(scope));
    }

    private static @Nullable Object argument(GraphQLAppliedDirective directive, String name) {
        var argument = directive.getArgument(name);
        return argument == null ? null : argument.getValue();
    }

    /** A field's rule and, for integration tokens, the scope it needs (none: any of the user's). */
    record FieldRule(AccessRule rule, @Nullable Scope scope) {}

    private static final class GuardEveryField extends GraphQLTypeVisitorStub {

        @Override
        public TraversalControl visitGraphQLFieldDefinition(
                GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
            if (context.getParentNode() instanceof GraphQLObjectType type
                    && !type.getName().startsWith("__")) {
                FieldRule rule = ruleOf(type, field);
                if (rule.rule().guarded()) {
                    GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
                    DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
                    registry.dataFetcher(coordinates, new AccessGuard(rule, fetcher));
                }
            }
            return TraversalControl.CONTINUE;
        }
    }
}
