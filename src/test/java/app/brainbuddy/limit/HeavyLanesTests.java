package app.brainbuddy.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.brainbuddy.graphql.PersonLimits;
import app.brainbuddy.graphql.QueryCost;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** One lane: a heavy request waits for it and is refused past max-wait; light ones never wait. */
class HeavyLanesTests {

    private static final long EXPENSIVE = 5_000;

    private final HeavyLanes lanes = new HeavyLanes(
            new HeavyRequestSettings(1, DataSize.ofKilobytes(32), Duration.ofMillis(50)),
            new PersonLimits(100, 500, 2000, 4, EXPENSIVE, 60, Duration.ofMinutes(1)));

    @Test
    void aSecondHeavyRequestWaitsForTheLaneAndIsRefusedPastTheWait() {
        InstrumentationState first = start(Map.of(QueryCost.ESTIMATE, EXPENSIVE));

        long began = System.nanoTime();
        assertThatThrownBy(() -> start(Map.of(QueryCost.ESTIMATE, EXPENSIVE)))
                .isInstanceOf(AbortExecutionException.class)
                .satisfies(refused -> assertThat(((AbortExecutionException) refused).getUnderlyingErrors())
                        .singleElement()
                        .satisfies(error -> {
                            assertThat(error.getMessage()).contains("brainbuddy.heavy-requests");
                            assertThat(error.getExtensions()).containsKey("retryAfterSeconds");
                        }));
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(50));

        end(first);
        end(start(Map.of(QueryCost.ESTIMATE, EXPENSIVE)));
    }

    @Test
    void aLargeBodyIsHeavyAndLightRequestsPassWhileTheLaneIsTaken() {
        InstrumentationState sync = start(Map.of(QueryCost.ESTIMATE, 10L, HeavyLanes.BODY_BYTES, 32L * 1024));

        InstrumentationState light =
                start(Map.of(QueryCost.ESTIMATE, EXPENSIVE - 1, HeavyLanes.BODY_BYTES, 32L * 1024 - 1));
        InstrumentationState unknownLength = start(Map.of(QueryCost.ESTIMATE, 10L, HeavyLanes.BODY_BYTES, -1L));

        assertThatThrownBy(() -> start(Map.of(HeavyLanes.BODY_BYTES, 1_000_000L)))
                .isInstanceOf(AbortExecutionException.class);
        end(light);
        end(unknownLength);
        end(sync);
    }

    @Test
    void theLaneIsGivenBackOnceHoweverOftenTheEndIsReported() {
        InstrumentationState heavy = start(Map.of(QueryCost.ESTIMATE, EXPENSIVE));
        end(heavy);
        end(heavy);

        InstrumentationState next = start(Map.of(QueryCost.ESTIMATE, EXPENSIVE));
        assertThatThrownBy(() -> start(Map.of(QueryCost.ESTIMATE, EXPENSIVE)))
                .as("a second release must not have opened a second lane")
                .isInstanceOf(AbortExecutionException.class);
        end(next);
    }

    private InstrumentationState start(Map<Object, Object> context) {
        InstrumentationState state = lanes.createStateAsync(null).join();
        ExecutionContext execution = mock(ExecutionContext.class);
        when(execution.getGraphQLContext()).thenReturn(GraphQLContext.of(context));
        when(execution.getOperationDefinition())
                .thenReturn(OperationDefinition.newOperationDefinition()
                        .operation(OperationDefinition.Operation.MUTATION)
                        .build());
        lanes.beginExecuteOperation(new InstrumentationExecuteOperationParameters(execution), state);
        return state;
    }

    private void end(InstrumentationState state) {
        lanes.instrumentExecutionResult(ExecutionResult.newExecutionResult().build(), null, state);
    }
}
