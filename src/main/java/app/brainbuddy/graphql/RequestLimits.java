package app.brainbuddy.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.TrivialDataFetcher;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.FetchedValue;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.ParserOptions;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Every limit of one request, in the application's one graphql-java instrumentation. Before
 * graphql-java validates a document, one linear pass ({@link DocumentShape}) measures it and refuses
 * it when its expansion, depth, aliases, root fields or cost are over their limits: validation itself
 * walks fragments where they are spread, so a document must be small enough before it gets there. The
 * parser is given limits on characters and tokens first. Then the {@link OperationGate}s admit the
 * operation (per-person limits, heavy requests), and what they hold is given back once when it ends.
 * While executing: the time limit (no field starts after it, and the execution is cancelled, so
 * graphql-java dispatches no more fields or DataLoader batches), the text of every argument
 * ({@link InputText}), and the size of the answer, counted as values are completed; an answer that
 * grows past its limit is cancelled the same way and replaced by one error.
 */
@Component
class RequestLimits extends SimplePerformantInstrumentation {

    private final GraphQlLimits limits;
    private final QueryCost cost;
    private final List<OperationGate> gates;
    private final Clock clock;
    private final ParserOptions parserOptions;
    // the figures of documents without variables, for documents served from the cache of parsed ones
    private final Map<Document, DocumentShape.Figures> measured = Collections.synchronizedMap(new WeakHashMap<>());

    RequestLimits(GraphQlLimits limits, QueryCost cost, List<OperationGate> gates, Clock clock) {
        this.limits = limits;
        this.cost = cost;
        this.gates = List.copyOf(gates);
        this.clock = clock;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
                .transform(options ->
                        options.maxCharacters(limits.maxQueryCharacters()).maxTokens(limits.maxQueryTokens()));
    }

    /**
     * One request: its input (to cancel it), when it must be done by, its estimated cost once its
     * document was measured, what its gates hold, its answer's size.
     */
    static final class Request implements InstrumentationState {

        private final @Nullable ExecutionInput input;
        private final Instant deadline;
        private final AtomicLong answerBytes = new AtomicLong();
        private final List<OperationGate.Held> held = new ArrayList<>();
        private final AtomicBoolean givenBack = new AtomicBoolean();
        private volatile @Nullable Long estimate;
        private volatile boolean tooLarge;
        // a subscription's events are executed as they come, long after the deadline, one small answer each
        private volatile boolean subscription;

        Request(@Nullable ExecutionInput input, Instant deadline) {
            this.input = input;
            this.deadline = deadline;
        }

        private void cancel() {
            if (input != null) {
                input.cancel();
            }
        }

        /** Gives back what the gates hold, once, whichever way the request ended. */
        private void giveBack() {
            if (givenBack.compareAndSet(false, true)) {
                synchronized (held) {
                    held.forEach(OperationGate.Held::giveBack);
                }
            }
        }
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(
                new Request(parameters.getExecutionInput(), clock.instant().plus(limits.timeout())));
    }

    @Override
    public ExecutionInput instrumentExecutionInput(
            ExecutionInput input, InstrumentationExecutionParameters parameters, @Nullable InstrumentationState state) {
        input.getGraphQLContext().put(ParserOptions.class, parserOptions);
        return input;
    }

    /** The end of the whole execution, also when it failed: graphql-java completes this context either way. */
    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecution(
            InstrumentationExecutionParameters parameters, @Nullable InstrumentationState state) {
        return state instanceof Request request
                ? SimpleInstrumentationContext.whenCompleted((result, failure) -> request.giveBack())
                : super.beginExecution(parameters, state);
    }

    @Override
    public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, @Nullable InstrumentationState state) {
        long estimate = check(parameters.getDocument(), parameters.getSchema(), parameters.getVariables());
        if (state instanceof Request request) {
            request.estimate = estimate;
        }
        return super.beginValidation(parameters, state);
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        if (!(state instanceof Request request)) {
            return super.beginExecuteOperation(parameters, state);
        }
        ExecutionContext execution = parameters.getExecutionContext();
        // a document served from the cache of parsed documents skipped validation, and with it the check
        Long known = request.estimate;
        long estimate = known != null
                ? known
                : check(
                        execution.getDocument(),
                        execution.getGraphQLSchema(),
                        execution.getCoercedVariables().toMap());
        request.subscription =
                execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
        try {
            for (OperationGate gate : gates) {
                OperationGate.Held held = gate.admit(execution, estimate);
                synchronized (request.held) {
                    request.held.add(held);
                }
            }
        } catch (RuntimeException refused) {
            // what the gates before it took; the refusing gate holds nothing
            request.giveBack();
            throw refused;
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** Refuses a document over any of its limits; answers its estimated cost. */
    long check(Document document, GraphQLSchema schema, Map<String, Object> variables) {
        DocumentShape.Figures figures = variables.isEmpty() ? measured.get(document) : null;
        if (figures == null) {
            // measured outside the map's lock: a large document does not hold up everybody else's check
            figures = DocumentShape.measure(document, schema, cost, variables);
            if (variables.isEmpty()) {
                measured.putIfAbsent(document, figures);
            }
        }
        refuseAbove(
                figures.fields(),
                limits.maxFields(),
                "The document has %d fields with its fragments expanded; the limit is %d (brainbuddy.graphql.max-fields)");
        refuseAbove(
                figures.depth(),
                limits.maxDepth(),
                "The query is %d levels deep; the limit is %d (brainbuddy.graphql.max-depth)");
        refuseAbove(
                figures.rootFields(),
                limits.maxRootFields(),
                "The operation asks for %d root fields; the limit is %d (brainbuddy.graphql.max-root-fields)");
        refuseAbove(
                figures.aliases(),
                limits.maxAliases(),
                "The operation uses %d aliases; the limit is %d (brainbuddy.graphql.max-aliases)");
        refuseAbove(
                figures.cost(),
                limits.maxComplexity(),
                "The query costs %d; the limit is %d (brainbuddy.graphql.max-complexity). Ask for smaller pages (first, days) or fewer aliases.");
        return figures.cost();
    }

    private static void refuseAbove(long value, long limit, String message) {
        if (value > limit) {
            throw new AbortExecutionException(message.formatted(value, limit));
        }
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher,
            InstrumentationFieldFetchParameters parameters,
            @Nullable InstrumentationState state) {
        if (dataFetcher instanceof TrivialDataFetcher || !(state instanceof Request request)) {
            return dataFetcher;
        }
        return environment -> {
            if (request.tooLarge) {
                return null; // the answer is replaced by one error anyway
            }
            if (!request.subscription && clock.instant().isAfter(request.deadline)) {
                request.cancel();
                throw ApiException.badRequest("The request ran past its time limit of %s s (brainbuddy.graphql.timeout)"
                        .formatted(limits.timeout().toSeconds()));
            }
            environment.getArguments().forEach((name, value) -> InputText.check(name, value, limits.maxStringLength()));
            return dataFetcher.get(environment);
        };
    }

    @Override
    public @Nullable InstrumentationContext<Object> beginFieldCompletion(
            InstrumentationFieldCompleteParameters parameters, @Nullable InstrumentationState state) {
        if (state instanceof Request request && !request.tooLarge && !request.subscription) {
            Object value = FetchedValue.getFetchedValue(parameters.getFetchedObject());
            long size = request.answerBytes.addAndGet(
                    parameters.getField().getName().length() + bytes(value, 0));
            if (size > limits.maxResponseSize().toBytes()) {
                request.tooLarge = true;
                request.cancel();
            }
        }
        return super.beginFieldCompletion(parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result,
            InstrumentationExecutionParameters parameters,
            @Nullable InstrumentationState state) {
        if (!(state instanceof Request request)) {
            return super.instrumentExecutionResult(result, parameters, state);
        }
        // a request refused by a limit or a gate (an abort) ends here without completing beginExecution's context
        request.giveBack();
        if (request.tooLarge) {
            return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult()
                    .addError(GraphqlErrorBuilder.newError()
                            .message(
                                    "The answer grew past its limit of %d bytes (brainbuddy.graphql.max-response-size); ask for smaller pages or fewer fields",
                                    limits.maxResponseSize().toBytes())
                            .errorType(ErrorType.BAD_REQUEST)
                            .build())
                    .build());
        }
        return super.instrumentExecutionResult(result, parameters, state);
    }

    /**
     * About what a completed value adds to the answer as JSON: a string its length, a JSON scalar
     * its keys and strings, anything else a few bytes (its fields are counted as they complete).
     */
    private static long bytes(@Nullable Object value, int depth) {
        if (value instanceof CharSequence text) {
            return text.length() + 2L;
        }
        long size = 8;
        if (depth < 8 && value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += String.valueOf(entry.getKey()).length() + 4L + bytes(entry.getValue(), depth + 1);
            }
        } else if (depth < 8 && value instanceof Collection<?> items) {
            for (Object item : items) {
                size += 1 + bytes(item, depth + 1);
            }
        }
        return size;
    }
}
