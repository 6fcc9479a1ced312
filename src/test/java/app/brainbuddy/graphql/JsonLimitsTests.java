package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

class JsonLimitsTests {

    private final JsonLimits limits = new JsonLimits(4, 3, 64);

    @Test
    void anObjectWithinEveryLimitPasses() {
        assertThatCode(() -> limits.check("input.x", Map.of("a", Map.of("b", List.of(1, 2)), "c", "d")))
                .doesNotThrowAnyException();
        assertThatCode(() -> limits.check("input.x", Map.of())).doesNotThrowAnyException();
    }

    @Test
    void keysCountAtEveryLevel() {
        assertRefused(Map.of("a", 1, "b", Map.of("c", 1, "d", 1, "e", 1)), "input.x has 5 keys; at most 4");
        assertRefused(keys(5), "input.x has 5 keys; at most 4");
    }

    @Test
    void objectsAndArraysEachAddALevel() {
        assertRefused(Map.of("a", Map.of("b", Map.of("c", Map.of()))), "nested too deeply: at most 3 levels");
        assertRefused(Map.of("a", List.of(List.of(List.of()))), "nested too deeply: at most 3 levels");
        assertThatCode(() -> limits.check("input.x", Map.of("a", List.of(List.of(1)))))
                .doesNotThrowAnyException();
    }

    @Test
    void theSizeIsTheBytesOfTheObjectWrittenAsJson() {
        // {"a":"…"} is 8 bytes around the text
        assertThatCode(() -> limits.check("input.x", Map.of("a", "x".repeat(56))))
                .doesNotThrowAnyException();
        assertRefused(Map.of("a", "x".repeat(57)), "input.x is 65 bytes as JSON; at most 64");
        assertRefused(Map.of("a", "é".repeat(29)), "input.x is 66 bytes as JSON; at most 64");
    }

    @Test
    void keysThatMongoDbCannotStoreAreRefusedAtEveryLevel() {
        assertRefused(Map.of("a.b", 1), "input.x has the key 'a.b'; keys may neither contain '.' nor start with '$'");
        assertRefused(Map.of("$set", 1), "has the key '$set'");
        assertRefused(Map.of("a", List.of(Map.of("$x", 1))), "has the key '$x'");
        assertThatCode(() -> limits.check("input.x", Map.of("a$b", 1, "_c", 2))).doesNotThrowAnyException();
    }

    private void assertRefused(Map<String, ?> json, String message) {
        assertThatThrownBy(() -> limits.check("input.x", json)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.errorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private static Map<String, Object> keys(int count) {
        Map<String, Object> json = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> json.put("k" + i, i));
        return json;
    }
}
