package app.brainbuddy.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses GraphQL request bodies above {@code brainbuddy.graphql.max-request-size} with 413 and a
 * body GraphQL clients can read; a body that does not declare its length is cut off at the limit.
 */
@Component
@Order(-200) // before Spring Security's filter chain (-100): refuse oversized bodies first
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    RequestSizeLimit(GraphQlLimits limits, JsonMapper json) {
        this.maxBytes = limits.maxRequestSize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/graphql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(
                    response.getOutputStream(),
                    Map.of(
                            "errors",
                            List.of(Map.of(
                                    "message",
                                    "The request body is %d bytes; the limit is %d (brainbuddy.graphql.max-request-size)"
                                            .formatted(declared, maxBytes),
                                    "extensions",
                                    Map.of("classification", "BAD_REQUEST")))));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Bounded(request, maxBytes), response);
    }

    /** A request whose body stream ends with an error once it passes the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long maxBytes;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    if (next >= 0 && ++read > maxBytes) {
                        throw new IOException("request body over " + maxBytes + " bytes");
                    }
                    return next;
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
