package app.brainbuddy.graphql;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.language.AstPrinter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Records, for every operation the test suite executes, the cost model's estimate and the answer's
 * actual size in the same unit: fields completed (one per field of every object in the answer).
 */
@TestConfiguration(proxyBeanMethods = false)
public class AnswerSizes extends SimplePerformantInstrumentation {

    /** One executed operation: its document, the estimate and the fields its answer had. */
    public record Answer(String document, long estimate, long actual) {}

    private static final List<Answer> ANSWERS = new CopyOnWriteArrayList<>();

    private final QueryCost cost;

    AnswerSizes(QueryCost cost) {
        this.cost = cost;
    }

    /** Every answer recorded so far in this test run. */
    public static List<Answer> all() {
        return List.copyOf(ANSWERS);
    }

    private static final class Fields implements InstrumentationState {
        private final AtomicLong completed = new AtomicLong();
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Fields());
    }

    @Override
    public @Nullable InstrumentationContext<Object> beginFieldCompletion(
            InstrumentationFieldCompleteParameters parameters, @Nullable InstrumentationState state) {
        if (state instanceof Fields fields) {
            fields.completed.incrementAndGet();
        }
        return super.beginFieldCompletion(parameters, state);
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        long estimate = DocumentShape.measure(
                        execution.getDocument(),
                        execution.getGraphQLSchema(),
                        cost,
                        execution.getCoercedVariables().toMap())
                .cost();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            if (state instanceof Fields fields && failure == null) {
                ANSWERS.add(new Answer(
                        AstPrinter.printAstCompact(execution.getDocument()), estimate, fields.completed.get()));
            }
        });
    }
}
