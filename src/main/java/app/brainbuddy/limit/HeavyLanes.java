package app.brainbuddy.limit;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.OperationGate;
import graphql.execution.ExecutionContext;
import graphql.language.OperationDefinition;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Heavy requests (a large body: a device's sync of hundreds of sessions, a batch of habit attempts)
 * run in a few lanes, half the processors by default, and wait their turn for one. On two cores one lane leaves the other core to
 * everybody else's small requests however many heavy ones arrive: without it, four syncs of 500
 * sessions from one person held both cores and multiplied the others' p99 by six (bench/attack).
 * A request that waits longer than {@code max-wait} is refused with when to retry. Costly reads are
 * not held here: the cost limit bounds each, and the per-person rate of expensive requests bounds
 * how many one person makes; an administrator's two pages at once should use both cores.
 */
@Component
@Order(2)
class HeavyLanes implements OperationGate, WebGraphQlInterceptor {

    static final String BODY_BYTES = HeavyLanes.class.getName() + ".bodyBytes";

    private final HeavyRequestSettings settings;
    private final Semaphore lanes;

    HeavyLanes(HeavyRequestSettings settings) {
        this.settings = settings;
        this.lanes = new Semaphore(settings.lanesHere(), true);
    }

    /** The body's declared size, where the execution can read it (-1 when not declared: not heavy by size). */
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long bytes = request.getHeaders().getContentLength();
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(BODY_BYTES, bytes)).build());
        return chain.next(request);
    }

    @Override
    public Held admit(ExecutionContext execution, long estimatedCost) {
        if (execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                || !heavy(execution)) {
            return Held.NOTHING;
        }
        try {
            if (!lanes.tryAcquire(settings.maxWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw ApiException.forbidden(
                                "The server is busy with other large requests (brainbuddy.heavy-requests); try again in %d seconds"
                                        .formatted(settings.maxWait().toSeconds()))
                        .retryAfter(settings.maxWait().toSeconds())
                        .abort();
            }
            return lanes::release;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.forbidden("The request was stopped while it waited for a lane")
                    .abort();
        }
    }

    private boolean heavy(ExecutionContext execution) {
        Long bodyBytes = execution.getGraphQLContext().get(BODY_BYTES);
        return bodyBytes != null && bodyBytes >= settings.minBody().toBytes();
    }
}
