package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** {@code recommendSession(goal:, localHour:)} as a client meets it: per-target windows, goals, bad input. */
class RecommendationTimingTests extends GraphQlIntegrationTest {

    /** A bear's windows: peak 10-14, after work 18-21, the hour before bed 22-23. */
    private static final Map<String, String> BEAR_WINDOWS = Map.of(
            "ALPHA", "18:00-21:00",
            "BETA", "10:00-14:00",
            "GAMMA", "10:00-14:00",
            "THETA", "22:00-23:00",
            "DELTA", "22:00-23:00");

    @ParameterizedTest(name = "goal {0} at {1}:00 gives {2} in {3}")
    @CsvSource({
        "SLEEP, 22, THETA|DELTA, 22:00-23:00",
        "MEMORY, 11, BETA, 10:00-14:00",
        "FOCUS, 19, ALPHA|GAMMA, ",
    })
    void eachTargetIsRecommendedWithItsOwnWindow(String goal, int hour, String targets, String window) {
        SignedIn user = signUp();
        for (int call = 0; call < 10; call++) {
            Map<String, Object> recommended = recommend(user, "BRAINWAVE", goal, hour);
            String target = (String) recommended.get("brainwaveTarget");
            assertThat(Set.of(targets.split("\\|"))).contains(target);
            assertThat(label(recommended)).isEqualTo(window == null ? BEAR_WINDOWS.get(target) : window);
            assertThat((String) recommended.get("timing"))
                    .contains(BEAR_WINDOWS.get(target))
                    .contains("Now (%02d:00)".formatted(hour));
            assertThat((List<Map<String, Object>>) recommended.get("evidence"))
                    .extracting(entry -> entry.get("outcome"))
                    .isNotEmpty();
        }
    }

    @Test
    void windowsDifferByTargetAcrossGoalsAndHours() {
        SignedIn user = signUp();
        Map<String, Set<String>> windows = new HashMap<>();
        for (String goal : List.of("FOCUS", "CALM", "SLEEP", "MEMORY")) {
            for (int hour : List.of(8, 11, 16, 19, 22)) {
                Map<String, Object> recommended = recommend(user, "BRAINWAVE", goal, hour);
                windows.computeIfAbsent((String) recommended.get("brainwaveTarget"), target -> new HashSet<>())
                        .add(label(recommended));
            }
        }
        windows.forEach((target, labels) -> assertThat(labels).as(target).containsExactly(BEAR_WINDOWS.get(target)));
        assertThat(windows.values().stream().flatMap(Set::stream).distinct()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void deltaIsNeverRecommendedInTheMorningPeak() {
        SignedIn user = signUp();
        for (String goal : new String[] {null, "FOCUS", "CALM", "SLEEP", "ENERGY", "MEMORY"}) {
            for (int hour = 10; hour < 14; hour++) {
                for (int call = 0; call < 3; call++) {
                    Map<String, Object> recommended = recommend(user, null, goal, hour);
                    if ("DELTA".equals(recommended.get("brainwaveTarget"))) {
                        assertThat(label(recommended))
                                .as("delta asked at %d:00 for %s", hour, goal)
                                .isEqualTo("22:00-23:00");
                    }
                }
            }
        }
        Map<String, Object> sleepNow = recommend(user, "BRAINWAVE", "SLEEP", 11);
        assertThat(label(sleepNow)).isEqualTo("22:00-23:00");
        assertThat((String) sleepNow.get("timing")).contains("Now (11:00) is outside it");
    }

    @Test
    void aTimeZoneGivesTheLocalHour() {
        SignedIn user = signUp();
        Map<String, Object> recommended = recommend(user, "MOVERS", null, null, "Pacific/Kiritimati");
        assertThat((String) recommended.get("timing")).containsPattern("Now \\(\\d\\d:00\\) is (inside|outside) it");
        assertThat(label(recommended)).isEqualTo("10:00-14:00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "hour 24; MOVERS; ; 24; ; localHour must be 0 to 23",
                "negative hour; ; ; -1; ; localHour must be 0 to 23",
                "unknown time zone; ; ; ; Mars/Olympus; timeZone must be an IANA time zone",
                "goal without evidence in the module; PFC_GYM; SLEEP; ; ; No PFC_GYM session has evidence for the goal SLEEP"
            })
    void badArgumentsAreBadRequests(
            String name, String module, String goal, Integer hour, String zone, String message) {
        GraphQlTester.Response response = request(signUp(), module, goal, hour, zone);
        assertSingleError(response, ErrorType.BAD_REQUEST);
        response.errors()
                .satisfy(errors -> assertThat(errors.get(0).getMessage()).startsWith(message));
    }

    private Map<String, Object> recommend(SignedIn user, String module, String goal, Integer hour) {
        return recommend(user, module, goal, hour, null);
    }

    private Map<String, Object> recommend(SignedIn user, String module, String goal, Integer hour, String zone) {
        return request(user, module, goal, hour, zone)
                .path("recommendSession")
                .entity(Map.class)
                .get();
    }

    private static GraphQlTester.Response request(
            SignedIn user, String module, String goal, Integer hour, String zone) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("moduleType", module);
        variables.put("goal", goal);
        variables.put("localHour", hour);
        variables.put("timeZone", zone);
        GraphQlTester.Request<?> request = user.graphQl().documentName("recommendSession");
        variables.forEach(request::variable);
        return request.execute();
    }

    private static String label(Map<String, Object> recommended) {
        return (String) ((Map<String, Object>) recommended.get("window")).get("label");
    }
}
