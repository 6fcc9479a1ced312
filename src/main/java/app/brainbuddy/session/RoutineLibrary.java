package app.brainbuddy.session;

import app.brainbuddy.graphql.QueryCost;
import app.brainbuddy.mongo.StoredEnums;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The curated exercises of the non-brainwave modules (movement sets, habit-interrupt drills, guided
 * rehearsal scripts), shipped as data in {@code sessions/routine-library.json}.
 */
@Component
class RoutineLibrary {

    static final String RESOURCE = "sessions/routine-library.json";

    /** One exercise: how long it takes, how demanding it is, and the stimuli of the evidence behind it. */
    record Routine(String id, String title, int seconds, String intensity, List<String> steps, List<String> evidence) {

        /** Blocks of the longest session fit the answer's bound (a habit drill, then routines of at least this long). */
        static final int SHORTEST_SECONDS = SessionLimits.LONGEST_SECONDS / (QueryCost.MAX_ROUTINE_BLOCKS - 1);

        Routine {
            if (seconds < SHORTEST_SECONDS || steps.size() > QueryCost.MAX_ROUTINE_STEPS) {
                throw new IllegalArgumentException("routine " + id + " must last at least " + SHORTEST_SECONDS
                        + " s and have at most " + QueryCost.MAX_ROUTINE_STEPS + " steps");
            }
        }

        boolean demanding() {
            return intensity.equals("demanding");
        }
    }

    private final Map<ModuleType, List<Routine>> routines;

    RoutineLibrary(JsonMapper json) {
        this.routines = load(json);
    }

    List<Routine> of(ModuleType moduleType) {
        return routines.getOrDefault(moduleType, List.of());
    }

    /** The stimulus types of the knowledge base this module's routines rest on. */
    Set<String> stimulusTypes(ModuleType moduleType) {
        return of(moduleType).stream()
                .flatMap(routine -> routine.evidence().stream())
                .collect(Collectors.toSet());
    }

    private static Map<ModuleType, List<Routine>> load(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            Map<String, List<Routine>> byName = json.readValue(in, new TypeReference<>() {});
            Map<ModuleType, List<Routine>> byModule = new EnumMap<>(ModuleType.class);
            byName.forEach((name, list) -> byModule.put(StoredEnums.parse(ModuleType.class, name), List.copyOf(list)));
            return byModule;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
