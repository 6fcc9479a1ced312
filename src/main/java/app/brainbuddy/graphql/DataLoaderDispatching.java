package app.brainbuddy.graphql;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The DataLoaders of a request dispatch when its execution has nothing else left to do
 * (graphql-java's exhausted dispatching), not level by level. With controller methods answering on
 * the request's thread, the level-by-level strategy dispatched the nested loaders of each root field
 * on its own: two aliased pages of users read their sessions, habits and models twice. Dispatched
 * when the execution is exhausted, all the keys of both pages are in one batch
 * ({@code BatchingTests.twoPagesOfUsersInOneRequestShareTheNestedCommands}).
 */
@Component
class DataLoaderDispatching implements WebGraphQlInterceptor {

    private static final Map<String, Object> EXHAUSTED =
            Map.of(DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_EXHAUSTED_DISPATCHING, true);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput(
                (input, builder) -> builder.graphQLContext(EXHAUSTED).build());
        return chain.next(request);
    }
}
