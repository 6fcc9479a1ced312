package app.brainbuddy.auth;

import app.brainbuddy.graphql.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bearer token's account is read before GraphQL runs. When the database cannot be reached then,
 * the client gets a 503 with a GraphQL-shaped body, as soon as the driver gives up, instead of the
 * servlet container's error page.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final String BODY = """
            {"errors":[{"message":"%s","extensions":{"classification":"INTERNAL_ERROR"}}]}""";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (DataAccessResourceFailureException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.getWriter().write(BODY.formatted(DatabaseUnavailable.report(e, request.getRequestURI())));
        }
    }
}
