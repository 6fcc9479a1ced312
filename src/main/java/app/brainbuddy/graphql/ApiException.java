package app.brainbuddy.graphql;

import org.springframework.graphql.execution.ErrorType;

/**
 * A failure the client can act on; its message goes out as is, under the given classification.
 * Anything else that escapes a data fetcher is reported as an opaque internal error.
 */
public final class ApiException extends RuntimeException {

    private final ErrorType errorType;

    private ApiException(ErrorType errorType, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
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

    public ErrorType errorType() {
        return errorType;
    }
}
