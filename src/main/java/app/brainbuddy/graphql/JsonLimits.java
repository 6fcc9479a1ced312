package app.brainbuddy.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds for an open-ended JSON object that a client stores through a {@code JSON} argument (a
 * knowledge entry's {@code stimulusParameters}, a session's {@code generatedContent}), so that one
 * request cannot store an arbitrarily large or deep document, and so that MongoDB can store its keys
 * (none with a {@code .} or starting with {@code $}).
 *
 * @param maxKeys the keys of all its objects together, at every level
 * @param maxDepth the object itself is level 1; each object or array inside a value adds one
 * @param maxBytes its size written as JSON (UTF-8)
 */
public record JsonLimits(int maxKeys, int maxDepth, int maxBytes) {

    /** Room for a few dozen parameters with short lists, nested twice: 32 keys, depth 3, 4 KB. */
    public static final JsonLimits SMALL_OBJECT = new JsonLimits(32, 3, 4096);

    /** Room for a session's generated content, with its routine blocks or audio settings: 2,000 keys, depth 5, 16 KB. */
    public static final JsonLimits LARGE_OBJECT = new JsonLimits(2000, 5, 16 * 1024);

    private static final JsonMapper JSON = JsonMapper.shared();

    /**
     * Refuses a value beyond these limits with a BAD_REQUEST that names the field.
     *
     * @param field the argument's name as the client wrote it, e.g. {@code "input.stimulusParameters"}
     */
    public void check(String field, Map<String, ?> json) {
        int keys = keysWithin(field, json, 1);
        if (keys > maxKeys) {
            throw ApiException.badRequest(
                    "Invalid input: " + field + " has " + keys + " keys; at most " + maxKeys + " are allowed");
        }
        int bytes = bytes(field, json);
        if (bytes > maxBytes) {
            throw ApiException.badRequest("Invalid input: " + field + " is " + bytes + " bytes as JSON; at most "
                    + maxBytes + " are allowed");
        }
    }

    /** Counts the keys below a value at {@code depth}, refusing as soon as it goes too deep. */
    private int keysWithin(String field, Object value, int depth) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof Collection<?>)) {
            return 0;
        }
        if (depth > maxDepth) {
            throw ApiException.badRequest("Invalid input: " + field + " is nested too deeply: at most " + maxDepth
                    + " levels of objects and arrays");
        }
        int keys = 0;
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> checkKey(field, String.valueOf(key)));
            keys = map.size();
        }
        Collection<?> children = value instanceof Map<?, ?> map ? map.values() : (Collection<?>) value;
        for (Object child : children) {
            keys += keysWithin(field, child, depth + 1);
        }
        return keys;
    }

    private static void checkKey(String field, String key) {
        if (key.contains(".") || key.startsWith("$")) {
            String shown = key.length() <= 40 ? key : key.substring(0, 40) + "…";
            throw ApiException.badRequest("Invalid input: " + field + " has the key '" + shown
                    + "'; keys may neither contain '.' nor start with '$'");
        }
    }

    private static int bytes(String field, Map<String, ?> json) {
        try {
            return JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8).length;
        } catch (JacksonException e) {
            throw ApiException.badRequest("Invalid input: " + field + " must be a JSON object");
        }
    }
}
