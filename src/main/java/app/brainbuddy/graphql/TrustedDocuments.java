package app.brainbuddy.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations of the configured persisted-operation manifest, by id: Apollo's format ({@code
 * {"format": "apollo-persisted-query-manifest", "operations": [{"id", "body", ...}]}}, the id being the
 * SHA-256 of the body) or Relay's ({@code {"id": "text", ...}}). Empty when none is configured.
 */
@Component
public class TrustedDocuments {

    private final Map<String, String> byId;
    private final Set<String> texts;
    private final boolean configured;

    TrustedDocuments(PersistedOperationSettings settings, JsonMapper json) {
        this.configured = settings.trustedDocuments() != null;
        this.byId = configured ? read(settings, json) : Map.of();
        this.texts = Set.copyOf(byId.values());
    }

    /** Whether a manifest is configured at all. */
    public boolean configured() {
        return configured;
    }

    @Nullable
    String text(String id) {
        return byId.get(id);
    }

    boolean containsText(String text) {
        return texts.contains(text);
    }

    private static Map<String, String> read(PersistedOperationSettings settings, JsonMapper json) {
        Map<String, String> operations = new HashMap<>();
        try (InputStream in = settings.trustedDocuments().getInputStream()) {
            JsonNode manifest = json.readTree(in);
            if (manifest.has("operations")) {
                manifest.get("operations")
                        .forEach(operation -> operations.put(
                                operation.get("id").asString(),
                                operation.get("body").asString()));
            } else {
                manifest.properties()
                        .forEach(entry ->
                                operations.put(entry.getKey(), entry.getValue().asString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the trusted-documents manifest " + settings.trustedDocuments(), e);
        }
        return Map.copyOf(operations);
    }
}
