package app.brainbuddy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Stored field names are written once, in the entities' {@code @Field}s: the stores name Java
 * properties and Spring Data maps them, so renaming a stored field is one edit. The main code must
 * hold no other string literal of a stored name ({@code "user_id"}, or a path {@code "user_id.x"}).
 */
class StoredNamesTests {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern FIELD = Pattern.compile("@Field\\(\"([^\"]+)\"\\)");

    /**
     * The same words that are not stored field names: keys of the generated content's own map
     * ({@code generated_content.duration}, {@code .evidence_note}) and the personal model's feature
     * names.
     */
    private static final Map<String, Set<String>> NOT_FIELD_NAMES = Map.of(
            "app/brainbuddy/session/StoredContent.java", Set.of("duration", "evidence_note"),
            "app/brainbuddy/session/SessionSync.java", Set.of("duration"),
            "app/brainbuddy/model/FeatureMap.java", Set.of("duration"));

    @Test
    void storedNamesAppearOnlyInTheEntitiesFields() throws IOException {
        Set<String> storedNames = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Matcher field = FIELD.matcher(Files.readString(source));
            while (field.find()) {
                storedNames.add(field.group(1));
            }
        }
        assertThat(storedNames).as("the @Field names found").contains("user_id", "attempt_log", "model_weights");

        List<String> elsewhere = new ArrayList<>();
        for (Path source : sources) {
            String relative = MAIN.relativize(source).toString().replace('\\', '/');
            String text = FIELD.matcher(Files.readString(source)).replaceAll("");
            for (String name : storedNames) {
                if (NOT_FIELD_NAMES.getOrDefault(relative, Set.of()).contains(name)) {
                    continue;
                }
                if (text.contains("\"" + name + "\"") || text.contains("\"" + name + ".")) {
                    elsewhere.add(relative + ": \"" + name + "\"");
                }
            }
        }
        assertThat(elsewhere)
                .as("stored names written outside @Field; name the property and let Spring Data map it")
                .isEmpty();
    }
}
