package app.brainbuddy.graphql;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container and Spring MVC send a request that failed outside GraphQL (an unknown
 * address, a method or media type {@code /graphql} does not take, a failure in a filter): the same
 * GraphQL-shaped body as every other error, in place of Spring Boot's {@code
 * {"timestamp","status","error","path"}}. Asked for directly, {@code /error} is simply not found.
 */
@Controller
class ErrorPage implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);

    private final HttpErrors errors;

    ErrorPage(HttpErrors errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code)
                : null;
        if (status == null || status.is2xxSuccessful()) {
            status = HttpStatus.NOT_FOUND;
        }
        if (status.is5xxServerError()) {
            String reference = UUID.randomUUID().toString();
            log.error(
                    "Internal error {} in {}",
                    reference,
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            errors.write(request, response, status, ErrorType.INTERNAL_ERROR, "Internal error; reference " + reference);
            return;
        }
        errors.write(request, response, status, classification(status), message(status));
    }

    private static ErrorType classification(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            default -> ErrorType.BAD_REQUEST;
        };
    }

    private static String message(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is served at this address; the API is POST /graphql (GraphiQL at /graphiql)";
            case METHOD_NOT_ALLOWED -> "This address does not take this HTTP method; send GraphQL requests with POST";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the GraphQL request as JSON (Content-Type: application/json)";
            case NOT_ACCEPTABLE ->
                "The answer is application/graphql-response+json or application/json; the Accept header allows neither";
            case UNAUTHORIZED -> "Sign in: this request needs a bearer token";
            case FORBIDDEN -> "This request is not allowed with this token";
            default -> "The request was refused: " + status.getReasonPhrase();
        };
    }
}
