package app.brainbuddy.limit;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.PersonLimits;
import app.brainbuddy.graphql.QueryCost;
import app.brainbuddy.user.Caller;
import app.brainbuddy.user.CurrentUser;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Per person, on each request: a bulkhead of {@code in-flight} requests running at once in this
 * instance (a replica counts its own: the bulkhead protects the instance's threads, which are not
 * shared), and the rate of expensive requests (estimated at {@code expensive-cost} or more),
 * counted in MongoDB across instances. A person over either limit is refused with a FORBIDDEN that
 * says when to retry; nobody else waits for them.
 */
@Component
class PersonRequests extends SimplePerformantInstrumentation {

    private final PersonLimits limits;
    private final PersonQuotas quotas;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    PersonRequests(PersonLimits limits, PersonQuotas quotas) {
        this.limits = limits;
        this.quotas = quotas;
    }

    /** The person a request runs for, once it holds a place in their bulkhead. */
    private final class Place implements InstrumentationState {

        private final AtomicBoolean held = new AtomicBoolean();
        private @Nullable String person;

        void take(String userId) {
            int running = inFlight.merge(userId, 1, Integer::sum);
            person = userId;
            held.set(true);
            if (running > limits.inFlight()) {
                release();
                throw ApiException.forbidden(
                                "You have %d requests running, the most one person may (brainbuddy.person.in-flight); try again in 1 second"
                                        .formatted(running - 1))
                        .retryAfter(1)
                        .abort();
            }
        }

        /** Gives the place back, once, whichever way the request ended. */
        void release() {
            if (person != null && held.compareAndSet(true, false)) {
                inFlight.computeIfPresent(person, (user, running) -> running == 1 ? null : running - 1);
            }
        }
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Place());
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecution(
            InstrumentationExecutionParameters parameters, @Nullable InstrumentationState state) {
        String userId = signedIn();
        if (userId == null || !(state instanceof Place place)) {
            return super.beginExecution(parameters, state);
        }
        place.take(userId);
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> place.release());
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        String userId = signedIn();
        Long estimate = parameters.getExecutionContext().getGraphQLContext().get(QueryCost.ESTIMATE);
        if (userId != null && estimate != null && estimate >= limits.expensiveCost()) {
            try {
                quotas.expensiveRequest(userId);
            } catch (ApiException refused) {
                throw refused.abort();
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result,
            InstrumentationExecutionParameters parameters,
            @Nullable InstrumentationState state) {
        // a request refused before execution ends here without completing beginExecution's context
        if (state instanceof Place place) {
            place.release();
        }
        return super.instrumentExecutionResult(result, parameters, state);
    }

    private static @Nullable String signedIn() {
        Caller caller = CurrentUser.signedIn();
        return caller == null ? null : caller.user().id();
    }
}
