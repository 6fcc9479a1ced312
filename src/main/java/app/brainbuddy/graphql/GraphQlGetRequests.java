package app.brainbuddy.graphql;

import graphql.language.OperationDefinition;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries over HTTP GET ({@code ?query=...} or {@code ?extensions={"persistedQuery":...}}, with
 * {@code variables} and {@code extensions} as JSON), as the GraphQL-over-HTTP spec allows, so that a
 * persisted query's URL can be cached. A mutation is never run from a GET (405). Because a GET is a
 * request any web page can make a browser send, one is run only with a header such a simple
 * cross-site request cannot carry ({@code Authorization}, {@code GraphQL-Preflight} or Apollo's
 * {@code Apollo-Require-Preflight}/{@code X-Apollo-Operation-Name}); the method alone is not the
 * protection. The request then goes on as the equivalent JSON POST.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER
        + 1) // after Spring Security (its headers, the caller), before GraphQlRequestBody
class GraphQlGetRequests extends OncePerRequestFilter {

    /** Headers a browser sends cross-site only after a CORS preflight, which this server does not grant. */
    static final Set<String> PREFLIGHTED_HEADERS = Set.of(
            HttpHeaders.AUTHORIZATION, "GraphQL-Preflight", "Apollo-Require-Preflight", "X-Apollo-Operation-Name");

    private final PersistedDocuments documents;
    private final HttpErrors errors;
    private final JsonMapper json;

    GraphQlGetRequests(PersistedDocuments documents, HttpErrors errors, JsonMapper json) {
        this.documents = documents;
        this.errors = errors;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the graphql-ws handshake is a GET on the same path, for the WebSocket handler
        return !GraphQlRequestBody.isGraphQl(request, HttpMethod.GET)
                || "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getParameter("query");
        String extensionsParameter = request.getParameter("extensions");
        if (query == null && extensionsParameter == null) {
            errors.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    ErrorType.BAD_REQUEST,
                    "A GET request needs a query parameter");
            return;
        }
        if (PREFLIGHTED_HEADERS.stream().noneMatch(header -> request.getHeader(header) != null)) {
            errors.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    ErrorType.BAD_REQUEST,
                    "A GET request needs an Authorization or GraphQL-Preflight header (protection against"
                            + " cross-site request forgery)");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("query", query);
            body.put("operationName", request.getParameter("operationName"));
            body.put("variables", jsonObject(request.getParameter("variables"), "variables"));
            body.put("extensions", jsonObject(extensionsParameter, "extensions"));
        } catch (IllegalArgumentException invalid) {
            errors.write(request, response, HttpStatus.BAD_REQUEST, ErrorType.BAD_REQUEST, invalid.getMessage());
            return;
        }
        Optional<OperationDefinition.Operation> operation =
                documents.operationOf(query, hash(body.get("extensions")), request.getParameter("operationName"));
        if (operation.isPresent() && operation.get() != OperationDefinition.Operation.QUERY) {
            response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
            errors.write(
                    request,
                    response,
                    HttpStatus.METHOD_NOT_ALLOWED,
                    ErrorType.BAD_REQUEST,
                    "Only queries may be sent with GET; use POST");
            return;
        }
        body.values().removeIf(Objects::isNull);
        chain.doFilter(new AsJsonPost(request, json.writeValueAsBytes(body)), response);
    }

    /** The GET as the POST it stands for: a JSON body, that body's content type, the POST method. */
    private static final class AsJsonPost extends GraphQlRequestBody.Replayed {

        AsJsonPost(HttpServletRequest request, byte[] body) {
            super(request, body);
        }

        @Override
        public String getMethod() {
            return HttpMethod.POST.name();
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(getContentType()))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.add(HttpHeaders.CONTENT_TYPE);
            return Collections.enumeration(names);
        }
    }

    private @Nullable Map<?, ?> jsonObject(@Nullable String parameter, String name) {
        if (parameter == null) {
            return null;
        }
        try {
            if (json.readValue(parameter, Object.class) instanceof Map<?, ?> object) {
                return object;
            }
        } catch (JacksonException notJson) {
            // the same answer as for JSON of the wrong type
        }
        throw new IllegalArgumentException("The " + name + " parameter must be a JSON object");
    }

    private static @Nullable String hash(@Nullable Object extensions) {
        return extensions instanceof Map<?, ?> map
                        && map.get("persistedQuery") instanceof Map<?, ?> persisted
                        && persisted.get("sha256Hash") instanceof String hash
                ? hash
                : null;
    }
}
