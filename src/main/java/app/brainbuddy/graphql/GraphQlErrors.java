package app.brainbuddy.graphql;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The one place where exceptions become GraphQL errors (DESIGN section 6). */
@ControllerAdvice
class GraphQlErrors {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @GraphQlExceptionHandler
    GraphQLError apiException(ApiException e, DataFetchingEnvironment env) {
        return error(env, e.errorType(), e.getMessage(), e.extensions());
    }

    @GraphQlExceptionHandler
    GraphQLError invalidInput(ConstraintViolationException e, DataFetchingEnvironment env) {
        String violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(GraphQlErrors::describe)
                .collect(Collectors.joining("; "));
        return error(env, ErrorType.BAD_REQUEST, "Invalid input: " + violations);
    }

    /** Input whose shape does not fit (a number where an object belongs, say); the binder's own text names Java types. */
    @GraphQlExceptionHandler
    GraphQLError unbindableInput(BindException e, DataFetchingEnvironment env) {
        String fields = e.getFieldErrors().stream()
                .map(FieldError::getField)
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
        return error(env, ErrorType.BAD_REQUEST, "Invalid input: wrong type or shape of " + fields);
    }

    /**
     * The database is down, unreachable or not answering: a failure of the server, but one worth
     * retrying. Spring Data reports it as a resource failure; code that uses the driver directly
     * sees the driver's own exceptions.
     */
    @GraphQlExceptionHandler({
        DataAccessResourceFailureException.class,
        MongoTimeoutException.class,
        MongoSocketException.class
    })
    GraphQLError databaseUnavailable(RuntimeException e, DataFetchingEnvironment env) {
        return error(
                env,
                ErrorType.INTERNAL_ERROR,
                DatabaseUnavailable.report(e, env.getExecutionStepInfo().getPath()));
    }

    @GraphQlExceptionHandler
    GraphQLError unexpected(Throwable e, DataFetchingEnvironment env) {
        String errorId = UUID.randomUUID().toString();
        log.error("Internal error {} in {}", errorId, env.getExecutionStepInfo().getPath(), e);
        return error(env, ErrorType.INTERNAL_ERROR, "Internal error; reference " + errorId);
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message) {
        return error(env, type, message, Map.of());
    }

    private static GraphQLError error(
            DataFetchingEnvironment env, ErrorType type, String message, Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .extensions(extensions)
                .build();
    }

    /** "register.input.email" reads better to a client as "input.email". */
    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String field = path.contains(".") ? path.substring(path.indexOf('.') + 1) : path;
        return field + " " + violation.getMessage();
    }
}
