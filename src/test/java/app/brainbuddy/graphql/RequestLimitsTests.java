package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.brainbuddy.TestClock;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The instrumentation on its own: the time limit, and the gates' holds given back exactly once. */
class RequestLimitsTests {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator()
            .makeExecutableSchema(new SchemaParser().parse("type Query { a: Int }"), RuntimeWiring.MOCKED_WIRING);
    private static final Document DOCUMENT = Parser.parse("{ a }");

    private final TestClock clock = new TestClock();

    @Test
    void noFieldStartsAfterTheRequestsTimeLimit() throws Exception {
        RequestLimits limits = limits(List.of());
        DataFetcher<Object> slow = environment -> "fetched";
        DataFetcher<?> guarded = limits.instrumentDataFetcher(slow, null, state(limits));

        assertThat(guarded.get(
                        DataFetchingEnvironmentImpl.newDataFetchingEnvironment().build()))
                .isEqualTo("fetched");
        clock.advance(Duration.ofSeconds(11));
        assertThatThrownBy(() -> guarded.get(
                        DataFetchingEnvironmentImpl.newDataFetchingEnvironment().build()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("brainbuddy.graphql.timeout");
    }

    @Test
    void everyGateIsAskedInOrderAndWhatItHoldsIsGivenBackOnceHoweverTheEndIsReported() throws Exception {
        List<String> asked = new ArrayList<>();
        AtomicInteger givenBack = new AtomicInteger();
        OperationGate first = (execution, cost) -> {
            asked.add("first " + cost);
            return givenBack::incrementAndGet;
        };
        OperationGate second = (execution, cost) -> {
            asked.add("second " + cost);
            return givenBack::incrementAndGet;
        };
        RequestLimits limits = limits(List.of(first, second));
        InstrumentationState request = state(limits);

        InstrumentationContext<ExecutionResult> execution = limits.beginExecution(null, request);
        begin(limits, request);
        assertThat(asked).containsExactly("first 1", "second 1");
        assertThat(givenBack).hasValue(0);

        execution.onCompleted(null, new IllegalStateException("the execution failed"));
        limits.instrumentExecutionResult(ExecutionResult.newExecutionResult().build(), null, request)
                .get();
        assertThat(givenBack).as("each of the two holds, once").hasValue(2);
    }

    @Test
    void whatEarlierGatesHoldIsGivenBackAtOnceWhenALaterOneRefusesOrFails() {
        for (RuntimeException failure :
                List.of(ApiException.forbidden("refused").abort(), new IllegalStateException("database down"))) {
            AtomicInteger givenBack = new AtomicInteger();
            OperationGate holding = (execution, cost) -> givenBack::incrementAndGet;
            OperationGate failing = (execution, cost) -> {
                throw failure;
            };
            RequestLimits limits = limits(List.of(holding, failing));
            InstrumentationState request = state(limits);

            assertThatThrownBy(() -> begin(limits, request)).isSameAs(failure);
            // an abort ends in instrumentExecutionResult, another failure in beginExecution's context: neither is
            // needed
            assertThat(givenBack).as(failure.getClass().getSimpleName()).hasValue(1);
            limits.instrumentExecutionResult(
                            ExecutionResult.newExecutionResult().build(), null, request)
                    .join();
            assertThat(givenBack).hasValue(1);
        }
    }

    private void begin(RequestLimits limits, InstrumentationState request) {
        limits.beginValidation(
                new InstrumentationValidationParameters(
                        ExecutionInput.newExecutionInput("{ a }").build(), DOCUMENT, SCHEMA),
                request);
        ExecutionContext execution = mock(ExecutionContext.class);
        when(execution.getOperationDefinition())
                .thenReturn(OperationDefinition.newOperationDefinition()
                        .operation(OperationDefinition.Operation.QUERY)
                        .build());
        limits.beginExecuteOperation(new InstrumentationExecuteOperationParameters(execution), request);
    }

    private static InstrumentationState state(RequestLimits limits) {
        return limits.createStateAsync(new InstrumentationCreateStateParameters(null, null))
                .join();
    }

    private RequestLimits limits(List<OperationGate> gates) {
        return new RequestLimits(
                new GraphQlLimits(
                        32768,
                        5000,
                        5000,
                        15,
                        50000,
                        30,
                        10,
                        DataSize.ofMegabytes(2),
                        DataSize.ofMegabytes(8),
                        Duration.ofSeconds(10),
                        10000),
                new QueryCost(new PersonLimits(100, 500, 2000, 4, 5000, 60, Duration.ofMinutes(1))),
                gates,
                clock);
    }
}
