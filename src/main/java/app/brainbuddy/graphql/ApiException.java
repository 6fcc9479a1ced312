package app.brainbuddy.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/**
 * A failure the client can act on; its message goes out as is, under the given classification,
 * with any extensions it carries. Anything else that escapes a data fetcher is reported as an
 * opaque internal error.
 */
public final class ApiException extends RuntimeException {

    /** The extension of a refusal that says in how many seconds the client may try again. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private final ErrorType errorType;
    private final Map<String, Object> extensions;

    private ApiException(ErrorType errorType, String message, Map<String, Object> extensions) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.extensions = extensions;
    }

    private ApiException(ErrorType errorType, String message) {
        this(errorType, message, Map.of());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorType.BAD_REQUEST, message);
    }

    /** Also the answer for another user's resource, so that its existence is never revealed. */
    public static ApiException notFound(String what, String id) {
        return new ApiException(ErrorType.NOT_FOUND, what + " " + id + " was not found");
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ErrorType.UNAUTHORIZED, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorType.FORBIDDEN, message);
    }

    /** The same failure with a value a client program can act on, such as when to retry, under the error's extensions. */
    public ApiException withExtension(String name, Object value) {
        Map<String, Object> more = new HashMap<>(extensions);
        more.put(name, value);
        return new ApiException(errorType, getMessage(), Map.copyOf(more));
    }

    /** The same refusal, saying in how many seconds to try again ({@value #RETRY_AFTER_SECONDS}). */
    public ApiException retryAfter(long seconds) {
        return withExtension(RETRY_AFTER_SECONDS, seconds);
    }

    /** This failure as graphql-java's way to refuse a whole request before or outside any field. */
    public AbortExecutionException abort() {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(getMessage())
                .errorType(errorType)
                .extensions(extensions)
                .build()));
    }

    public ErrorType errorType() {
        return errorType;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
