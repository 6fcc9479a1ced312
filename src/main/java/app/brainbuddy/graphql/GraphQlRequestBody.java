package app.brainbuddy.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GraphQL request body before Spring GraphQL does, at most {@code
 * brainbuddy.graphql.max-request-size} of it: a larger body is refused with 413, whether or not it
 * declared its length. A JSON body must be one request object whose members have the types GraphQL
 * over HTTP gives them; anything else (malformed JSON, a batch array, {@code null}, a query that is
 * not a string) is refused with 400 and a message saying what is wrong, instead of Spring's error
 * page or a message naming Java types. Bodies in other media types go on to Spring GraphQL, which
 * refuses them (415); such bare refusals get their GraphQL-shaped body from the error page.
 */
@Component
// after Spring Security's filter chain, so that these answers carry its security headers too; the
// body is still read here first, and only once
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2) // after GraphQlGetRequests, which turns a GET into its POST
class GraphQlRequestBody extends OncePerRequestFilter {

    /** The members a request object may have, with the JSON tokens each may start with. */
    private static final Map<String, Set<JsonToken>> MEMBERS = Map.of(
            "query", Set.of(JsonToken.VALUE_STRING),
            "operationName", Set.of(JsonToken.VALUE_STRING, JsonToken.VALUE_NULL),
            "variables", Set.of(JsonToken.START_OBJECT, JsonToken.VALUE_NULL),
            "extensions", Set.of(JsonToken.START_OBJECT, JsonToken.VALUE_NULL));

    private static final Map<String, String> EXPECTED = Map.of(
            "query", "a string holding the GraphQL document",
            "operationName", "a string or null",
            "variables", "an object or null",
            "extensions", "an object or null");

    private final long maxBytes;
    private final JsonMapper json;
    private final HttpErrors errors;

    GraphQlRequestBody(GraphQlLimits limits, JsonMapper json, HttpErrors errors) {
        this.maxBytes = limits.maxRequestSize().toBytes();
        this.json = json;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals("/graphql");
    }

    static boolean isGraphQl(HttpServletRequest request, HttpMethod method) {
        return request.getRequestURI().equals("/graphql") && method.matches(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyWatch watched = new BodyWatch(response);
        if (HttpMethod.POST.matches(request.getMethod())) {
            post(request, watched, chain);
        } else {
            chain.doFilter(request, watched);
        }
        // Spring GraphQL answers a method or media type it does not take with a bare status (405,
        // 406, 415); the error page gives it the body every other error has
        if (response.getStatus() >= 400 && !watched.wroteBody && !response.isCommitted()) {
            response.sendError(response.getStatus());
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        byte[] body = declared > maxBytes ? null : request.getInputStream().readNBytes((int) maxBytes + 1);
        if (body == null || body.length > maxBytes) {
            errors.write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    ErrorType.BAD_REQUEST,
                    "The request body is over %d bytes, the limit (brainbuddy.graphql.max-request-size)"
                            .formatted(maxBytes));
            return;
        }
        Optional<String> problem = isJson(request) ? problem(body) : Optional.empty();
        if (problem.isPresent()) {
            errors.write(request, response, HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST, problem.get());
        } else {
            chain.doFilter(new Replayed(request, body), response);
        }
    }

    /** Other media types go on to Spring GraphQL, which refuses them as unsupported. */
    private static boolean isJson(HttpServletRequest request) {
        try {
            String type = request.getContentType();
            return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * What is wrong with the body as a GraphQL request, read as a stream of tokens (the members'
     * contents are skipped, not built).
     */
    private Optional<String> problem(byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return Optional.of("Batched requests (a JSON array of requests) are not supported; "
                        + "send one request object per HTTP request");
            }
            if (first != JsonToken.START_OBJECT) {
                return Optional.of("The request body must be a JSON object with a query");
            }
            boolean query = false;
            boolean extensions = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                Set<JsonToken> allowed = MEMBERS.get(member);
                if (allowed != null && !allowed.contains(value)) {
                    return Optional.of("The request's " + member + " must be " + EXPECTED.get(member));
                }
                query |= member.equals("query");
                extensions |= member.equals("extensions") && value == JsonToken.START_OBJECT;
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                return Optional.of("The request body is not valid JSON: it goes on after the request object");
            }
            // a persisted query's extensions may stand in for the document
            return query || extensions ? Optional.empty() : Optional.of("The request has no query");
        } catch (JacksonException e) {
            // the parser's own message quotes the body and names its classes
            return Optional.of(
                    e.getLocation() == null
                            ? "The request body is not valid JSON"
                            : "The request body is not valid JSON (line %d, column %d)"
                                    .formatted(
                                            e.getLocation().getLineNr(),
                                            e.getLocation().getColumnNr()));
        }
    }

    /** The response, noting whether anything asked to write its body. */
    private static final class BodyWatch extends HttpServletResponseWrapper {

        private boolean wroteBody;

        BodyWatch(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            wroteBody = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            wroteBody = true;
            return super.getWriter();
        }
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
