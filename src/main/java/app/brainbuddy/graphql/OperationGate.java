package app.brainbuddy.graphql;

import graphql.execution.ExecutionContext;

/**
 * A limit an operation passes before it executes, after the document's own limits: a per-person
 * bulkhead, a lane for heavy requests. {@link RequestLimits}, the application's one graphql-java
 * instrumentation, asks every gate in their {@code @Order} and gives back what each took exactly once
 * when the execution ends, however it ended (one instrumentation, not one per limit: graphql-java
 * calls every chained instrumentation on every field of every answer).
 */
public interface OperationGate {

    /** What an admitted operation holds until its execution ends. */
    @FunctionalInterface
    interface Held {

        /** Holds nothing. */
        Held NOTHING = () -> {};

        void giveBack();
    }

    /**
     * Admits the operation, or refuses it by throwing an {@link graphql.execution.AbortExecutionException}. A gate
     * that throws, whatever it throws, holds nothing then: what it took, it gives back before throwing.
     *
     * @param estimatedCost the document's estimated cost (see {@link QueryCost})
     */
    Held admit(ExecutionContext execution, long estimatedCost);
}
