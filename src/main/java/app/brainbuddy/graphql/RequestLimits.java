package app.brainbuddy.graphql;

import graphql.ExecutionResult;
import graphql.TrivialDataFetcher;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The per-document limits graphql-java has no instrumentation for: aliases and root fields, checked
 * before execution; and, while executing, the request's time limit and the length of every string
 * argument (including strings inside JSON arguments).
 */
@Component
class RequestLimits extends SimplePerformantInstrumentation {

    private final GraphQlLimits limits;
    private final Clock clock;

    RequestLimits(GraphQlLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** When the request must be done by. */
    private record Deadline(Instant at) implements InstrumentationState {}

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Deadline(clock.instant().plus(limits.timeout())));
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Map<String, FragmentDefinition> fragments = execution.getFragmentsByName();
        SelectionSet root = execution.getOperationDefinition().getSelectionSet();
        int rootFields = fields(root, fragments, false);
        if (rootFields > limits.maxRootFields()) {
            throw new AbortExecutionException(
                    "The operation asks for %d root fields; the limit is %d (brainbuddy.graphql.max-root-fields)"
                            .formatted(rootFields, limits.maxRootFields()));
        }
        int aliases = aliases(root, fragments);
        if (aliases > limits.maxAliases()) {
            throw new AbortExecutionException(
                    "The operation uses %d aliases; the limit is %d (brainbuddy.graphql.max-aliases)"
                            .formatted(aliases, limits.maxAliases()));
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher,
            InstrumentationFieldFetchParameters parameters,
            @Nullable InstrumentationState state) {
        if (dataFetcher instanceof TrivialDataFetcher || !(state instanceof Deadline deadline)) {
            return dataFetcher;
        }
        return environment -> {
            if (clock.instant().isAfter(deadline.at())) {
                throw ApiException.badRequest("The request ran past its time limit of %s s (brainbuddy.graphql.timeout)"
                        .formatted(limits.timeout().toSeconds()));
            }
            environment.getArguments().forEach((name, value) -> checkStrings(name, value));
            return dataFetcher.get(environment);
        };
    }

    /** The fields of a selection set, through fragments; with {@code deep}, at every level. */
    private static int fields(SelectionSet set, Map<String, FragmentDefinition> fragments, boolean deep) {
        int count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                count += 1
                        + (deep && field.getSelectionSet() != null
                                ? fields(field.getSelectionSet(), fragments, true)
                                : 0);
            } else if (selection instanceof InlineFragment inline) {
                count += fields(inline.getSelectionSet(), fragments, deep);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                count += fields(fragments.get(spread.getName()).getSelectionSet(), fragments, deep);
            }
        }
        return count;
    }

    /** The aliases of an operation, counted where fragments expand, so a fragment spread ten times counts ten times. */
    private static int aliases(SelectionSet set, Map<String, FragmentDefinition> fragments) {
        int count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                count += (field.getAlias() != null ? 1 : 0)
                        + (field.getSelectionSet() != null ? aliases(field.getSelectionSet(), fragments) : 0);
            } else if (selection instanceof InlineFragment inline) {
                count += aliases(inline.getSelectionSet(), fragments);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                count += aliases(fragments.get(spread.getName()).getSelectionSet(), fragments);
            }
        }
        return count;
    }

    private void checkStrings(String path, @Nullable Object value) {
        if (value instanceof String string && string.length() > limits.maxStringLength()) {
            throw ApiException.badRequest(
                    "Invalid input: %s is %d characters long; the limit is %d (brainbuddy.graphql.max-string-length)"
                            .formatted(path, string.length(), limits.maxStringLength()));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> checkStrings(path + "." + key, inner));
        } else if (value instanceof Collection<?> list) {
            int index = 0;
            for (Object inner : list) {
                checkStrings(path + "[" + index++ + "]", inner);
            }
        }
    }
}
