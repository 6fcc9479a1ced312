package app.brainbuddy.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses with 400 a request whose {@code query} or {@code operationName} is not a string, or whose
 * {@code variables} or {@code extensions} is not an object (GraphQL over HTTP): Jackson would
 * otherwise turn {@code "query": 1} into the text "1". One streaming pass over the top level of the
 * body, skipping nested values unread; a body that is not JSON is left to the GraphQL handler.
 */
@Component
@Order(-190) // right after GraphQlRequestBody, which buffers the body and bounds its size
class GraphQlRequestShape extends OncePerRequestFilter {

    private static final Map<String, JsonToken> EXPECTED = Map.of(
            "query", JsonToken.VALUE_STRING,
            "operationName", JsonToken.VALUE_STRING,
            "variables", JsonToken.START_OBJECT,
            "extensions", JsonToken.START_OBJECT);

    private final JsonMapper json;
    private final GraphQlRequestBody errors;

    GraphQlRequestShape(JsonMapper json, GraphQlRequestBody errors) {
        this.json = json;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !GraphQlRequestBody.isGraphQl(request, HttpMethod.POST);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String wrong = wronglyTyped(request.getInputStream());
        if (wrong != null) {
            errors.refuse(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "The request's %s must be %s"
                            .formatted(
                                    wrong,
                                    EXPECTED.get(wrong) == JsonToken.VALUE_STRING ? "a string" : "a JSON object"));
            return;
        }
        chain.doFilter(request, response);
    }

    private @Nullable String wronglyTyped(InputStream body) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                JsonToken expected = EXPECTED.get(name);
                if (expected != null && value != expected && value != JsonToken.VALUE_NULL) {
                    return name;
                }
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
