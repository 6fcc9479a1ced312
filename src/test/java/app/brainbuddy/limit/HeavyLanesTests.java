package app.brainbuddy.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

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

/** One lane: a request with a large body waits for it and is refused past max-wait; others never wait. */
class HeavyLanesTests {

    private static final long LARGE = 32 * 1024;

    private final HeavyLanes lanes =
            new HeavyLanes(new HeavyRequestSettings(1, DataSize.ofKilobytes(32), Duration.ofMillis(50)));

    @Test
    void aSecondHeavyRequestWaitsForTheLaneAndIsRefusedPastTheWait() {
        InstrumentationState first = start(Map.of(HeavyLanes.BODY_BYTES, LARGE));

        long began = System.nanoTime();
        assertThatThrownBy(() -> start(Map.of(HeavyLanes.BODY_BYTES, LARGE)))
                .isInstanceOf(AbortExecutionException.class)
                .satisfies(refused -> assertThat(((AbortExecutionException) refused).getUnderlyingErrors())
                        .singleElement()
                        .satisfies(error -> {
                            assertThat(error.getMessage()).contains("brainbuddy.heavy-requests");
                            assertThat(error.getExtensions()).containsKey("retryAfterSeconds");
                        }));
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(50));

        end(first);
        end(start(Map.of(HeavyLanes.BODY_BYTES, LARGE)));
    }

    @Test
    void onlyALargeBodyIsHeavyAndTheRestPassWhileTheLaneIsTaken() {
        InstrumentationState sync = start(Map.of(HeavyLanes.BODY_BYTES, LARGE));

        InstrumentationState light = start(Map.of(HeavyLanes.BODY_BYTES, LARGE - 1));
        InstrumentationState unknownLength = start(Map.of(HeavyLanes.BODY_BYTES, -1L));
        InstrumentationState costly = start(Map.of(QueryCost.ESTIMATE, 1_000_000L));

        assertThatThrownBy(() -> start(Map.of(HeavyLanes.BODY_BYTES, 1_000_000L)))
                .isInstanceOf(AbortExecutionException.class);
        end(light);
        end(unknownLength);
        end(costly);
        end(sync);
    }

    @Test
    void theLaneIsGivenBackOnceHoweverOftenTheEndIsReported() {
        InstrumentationState heavy = start(Map.of(HeavyLanes.BODY_BYTES, LARGE));
        end(heavy);
        end(heavy);

        InstrumentationState next = start(Map.of(HeavyLanes.BODY_BYTES, LARGE));
        assertThatThrownBy(() -> start(Map.of(HeavyLanes.BODY_BYTES, LARGE)))
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
