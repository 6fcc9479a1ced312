package app.brainbuddy.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GraphQL request body before anything else does, at most {@code
 * brainbuddy.graphql.max-request-size} of it: a larger body is refused with 413, whether or not it
 * declared its length, and so is the JSON literal {@code null}, on which Spring GraphQL's HTTP handler
 * would fail with a 500. Both answers are bodies GraphQL clients can read.
 */
@Component
@Order(-200) // before Spring Security's filter chain (-100): refuse oversized bodies first
class GraphQlRequestBody extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    GraphQlRequestBody(GraphQlLimits limits, JsonMapper json) {
        this.maxBytes = limits.maxRequestSize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isGraphQl(request, HttpMethod.POST);
    }

    static boolean isGraphQl(HttpServletRequest request, HttpMethod method) {
        return request.getRequestURI().equals("/graphql") && method.matches(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        byte[] body = declared > maxBytes ? null : request.getInputStream().readNBytes((int) maxBytes + 1);
        if (body == null || body.length > maxBytes) {
            refuse(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is over %d bytes, the limit (brainbuddy.graphql.max-request-size)"
                            .formatted(maxBytes));
        } else if (new String(body, StandardCharsets.UTF_8).strip().equals("null")) {
            refuse(response, HttpStatus.BAD_REQUEST, "The request body must be a JSON object with a query");
        } else {
            chain.doFilter(new Replayed(request, body), response);
        }
    }

    void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                Map.of(
                        "errors",
                        List.of(Map.of("message", message, "extensions", Map.of("classification", "BAD_REQUEST")))));
    }

    /** The request with its body read already, served again from memory. */
    static class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
