package app.brainbuddy.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Documents and variables that graphql-java refuses before execution (unknown enum values, wrong
 * types, missing required fields, syntax errors) are bad requests from the client's point of view,
 * so they carry {@code BAD_REQUEST} like every other input error; graphql-java's own class is kept
 * in {@code extensions.reason}.
 */
@Component
class RequestErrorClassification implements WebGraphQlInterceptor {

    private static final Set<graphql.ErrorType> REFUSED_REQUESTS = Set.of(
            graphql.ErrorType.ValidationError,
            graphql.ErrorType.InvalidSyntax,
            graphql.ErrorType.OperationNotSupported,
            // refused by a query limit before execution (see QueryCost and RequestLimits)
            graphql.ErrorType.ExecutionAborted);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request)
                .map(response -> response.isValid()
                        ? response
                        : response.transform(builder -> builder.errors(response.getErrors().stream()
                                .map(RequestErrorClassification::reclassify)
                                .toList())));
    }

    private static boolean refusedBeforeExecution(ResponseError error) {
        return error.getErrorType() instanceof graphql.ErrorType type && REFUSED_REQUESTS.contains(type);
    }

    private static GraphQLError reclassify(ResponseError error) {
        GraphqlErrorBuilder<?> builder =
                GraphqlErrorBuilder.newError().message(error.getMessage()).locations(error.getLocations());
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        if (refusedBeforeExecution(error)) {
            return builder.errorType(ErrorType.BAD_REQUEST)
                    .extensions(Map.of("reason", error.getErrorType().toString()))
                    .build();
        }
        return builder.errorType(error.getErrorType())
                .extensions(error.getExtensions())
                .build();
    }
}
