package app.brainbuddy.auth;

import app.brainbuddy.graphql.DatabaseUnavailable;
import app.brainbuddy.graphql.HttpErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bearer token's account is read before GraphQL runs. When the database cannot be reached then,
 * the client gets a 503 with a GraphQL-shaped body, as soon as the driver gives up, instead of the
 * servlet container's error page.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private final HttpErrors errors;

    DatabaseOutageFilter(HttpErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (DataAccessResourceFailureException e) {
            if (response.isCommitted()) {
                throw e;
            }
            errors.write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ErrorType.INTERNAL_ERROR,
                    DatabaseUnavailable.report(e, request.getRequestURI()));
        }
    }
}
