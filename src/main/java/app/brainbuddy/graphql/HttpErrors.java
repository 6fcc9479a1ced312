package app.brainbuddy.graphql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of error bodies outside GraphQL execution (servlet filters, security's entry
 * points, the error page): a GraphQL response with one error, so that a GraphQL client reads a
 * refused body size, a missing token or an outage like any other error. The media type follows
 * GraphQL over HTTP: {@code application/graphql-response+json} for a client that accepts it,
 * otherwise {@code application/json}.
 */
@Component
public final class HttpErrors {

    private final JsonMapper json;

    HttpErrors(JsonMapper json) {
        this.json = json;
    }

    public void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, ErrorType type, String message)
            throws IOException {
        write(request, response, status, type, message, Map.of());
    }

    /** Writes the error with these extensions besides its classification. */
    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            ErrorType type,
            String message,
            Map<String, Object> extensions)
            throws IOException {
        Map<String, Object> allExtensions = new LinkedHashMap<>(extensions);
        allExtensions.put("classification", type.name());
        response.setStatus(status.value());
        response.setContentType(mediaType(request).toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        json.writeValue(
                response.getOutputStream(),
                Map.of("errors", List.of(Map.of("message", message, "extensions", allExtensions))));
    }

    /** A client that names the GraphQL response type gets it; {@code *}{@code /*} and the rest get JSON. */
    private static MediaType mediaType(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        try {
            boolean graphQlResponse = accept != null
                    && MediaType.parseMediaTypes(accept).stream()
                            .anyMatch(MediaType.APPLICATION_GRAPHQL_RESPONSE::equalsTypeAndSubtype);
            return graphQlResponse ? MediaType.APPLICATION_GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_JSON;
        }
    }
}
