package app.brainbuddy.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.brainbuddy.graphql.OperationGate;
import graphql.GraphQLContext;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
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
        OperationGate.Held first = start(Map.of(HeavyLanes.BODY_BYTES, LARGE));

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
        OperationGate.Held sync = start(Map.of(HeavyLanes.BODY_BYTES, LARGE));

        OperationGate.Held light = start(Map.of(HeavyLanes.BODY_BYTES, LARGE - 1));
        OperationGate.Held unknownLength = start(Map.of(HeavyLanes.BODY_BYTES, -1L));
        OperationGate.Held costly = start(Map.of(), 1_000_000L);

        assertThatThrownBy(() -> start(Map.of(HeavyLanes.BODY_BYTES, 1_000_000L)))
                .isInstanceOf(AbortExecutionException.class);
        end(light);
        end(unknownLength);
        end(costly);
        end(sync);
    }

    private OperationGate.Held start(Map<Object, Object> context) {
        return start(context, 0);
    }

    private OperationGate.Held start(Map<Object, Object> context, long estimatedCost) {
        ExecutionContext execution = mock(ExecutionContext.class);
        when(execution.getGraphQLContext()).thenReturn(GraphQLContext.of(context));
        when(execution.getOperationDefinition())
                .thenReturn(OperationDefinition.newOperationDefinition()
                        .operation(OperationDefinition.Operation.MUTATION)
                        .build());
        return lanes.admit(execution, estimatedCost);
    }

    private static void end(OperationGate.Held held) {
        held.giveBack();
    }
}
