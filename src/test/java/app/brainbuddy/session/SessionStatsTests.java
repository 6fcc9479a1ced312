package app.brainbuddy.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** {@code User.stats}: sessions by module, by target and by ISO week, in one aggregation for many users. */
class SessionStatsTests extends GraphQlIntegrationTest {

    @Test
    void sumsAndAveragesSessionsByModuleTargetAndIsoWeek() {
        SignedIn user = recordHistory(signUp());

        GraphQlTester.Response stats =
                user.graphQl().documentName("sessionStats").execute();

        assertThat(groups(stats, "byModule", "moduleType"))
                .containsOnly(
                        Map.entry("BRAINWAVE", List.of(3, 1500, 3.0, 0.6)),
                        Map.entry("MOVERS", List.of(3, 480, 4.0, 0.75)));
        assertThat(groups(stats, "byTarget", "brainwaveTarget"))
                .containsOnly(
                        Map.entry("ALPHA", List.of(2, 1200, 3.0, 0.6)),
                        Map.entry("THETA", java.util.Arrays.asList(1, 300, null, null)));
        stats.path("me.stats.weekly[*].week")
                .entityList(String.class)
                .containsExactly("2026-W01", "2026-W45", "2026-W46");
        stats.path("me.stats.weekly[*].count").entityList(Integer.class).containsExactly(1, 3, 2);
        stats.path("me.stats.weekly[*].averageRating").entityList(Double.class).containsExactly(3.0, 3.0, 5.0);
    }

    @Test
    void countsOnlyTheSessionsOfThePeriod() {
        SignedIn user = recordHistory(signUp());

        GraphQlTester.Response stats = user.graphQl()
                .documentName("sessionStats")
                .variable("from", "2026-11-01T00:00:00Z")
                .variable("to", "2026-11-10T00:00:00Z")
                .execute();

        stats.path("me.stats.byModule[*].moduleType").entityList(String.class).containsExactly("BRAINWAVE");
        stats.path("me.stats.weekly[*].week").entityList(String.class).containsExactly("2026-W45");
    }

    @Test
    void weeklyAnswersTheLatestWeeksAsked() {
        SignedIn user = recordHistory(signUp());

        user.graphQl()
                .documentName("sessionStats")
                .variable("last", 2)
                .execute()
                .path("me.stats.weekly[*].week")
                .entityList(String.class)
                .containsExactly("2026-W45", "2026-W46");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 521})
    void weeklyRefusesAPeriodOutsideItsRange(int last) {
        SignedIn user = signUp();

        assertSingleError(
                user.graphQl()
                        .documentName("sessionStats")
                        .variable("last", last)
                        .execute(),
                ErrorType.BAD_REQUEST);
    }

    @Test
    void aUserWithoutSessionsHasEmptyStatistics() {
        GraphQlTester.Response stats =
                signUp().graphQl().documentName("sessionStats").execute();
        stats.path("me.stats.byModule").entityList(Object.class).hasSize(0);
        stats.path("me.stats.byTarget").entityList(Object.class).hasSize(0);
        stats.path("me.stats.weekly").entityList(Object.class).hasSize(0);
    }

    @Test
    void theStatisticsOfManyUsersCostOneAggregation() {
        IntStream.range(0, 3).forEach(i -> recordHistory(signUp()));
        SignedIn admin = admin();

        var commands = mongoCommands.during(() -> admin.graphQl()
                .document("{ users(first: 50) { edges { node { stats { byModule { count } byTarget { count }"
                        + " weekly { count } } } } } }")
                .execute()
                .path("users.edges")
                .hasValue());

        assertThat(commands)
                .filteredOn(command -> command.collection().equals("sessions"))
                .singleElement()
                .satisfies(command -> assertThat(command.name()).isEqualTo("aggregate"));
    }

    private static SignedIn recordHistory(SignedIn user) {
        List<Map<String, Object>> sessions = List.of(
                session("2026-11-02T10:00:00Z", "BRAINWAVE", "ALPHA", 600, 4, 0.8),
                session("2026-11-03T10:00:00Z", "BRAINWAVE", "ALPHA", 600, 2, 0.4),
                session("2026-11-04T23:59:59Z", "BRAINWAVE", "THETA", 300, null, null),
                session("2026-11-10T07:00:00Z", "MOVERS", null, 300, 5, 1.0),
                session("2026-11-11T07:00:00Z", "MOVERS", null, 120, null, null),
                // a Monday of 2025 that belongs to ISO week 1 of 2026
                session("2025-12-29T08:00:00Z", "MOVERS", null, 60, 3, 0.5));
        user.graphQl()
                .documentName("recordSessions")
                .variable("input", sessions)
                .execute()
                .path("recordSessions")
                .entityList(Object.class)
                .hasSize(sessions.size());
        return user;
    }

    private static Map<String, Object> session(
            String timestamp, String module, String target, int seconds, Integer rating, Double effectiveness) {
        Map<String, Object> session = new HashMap<>();
        session.put("timestamp", timestamp);
        session.put("moduleType", module);
        session.put("brainwaveTarget", target);
        session.put("durationSeconds", seconds);
        session.put("userRating", rating);
        session.put("effectivenessScore", effectiveness);
        return session;
    }

    /** Each group's key with its count, total seconds, average rating and average effectiveness. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> groups(GraphQlTester.Response stats, String field, String key) {
        Map<String, List<Object>> groups = new HashMap<>();
        for (Map<String, Object> group :
                stats.path("me.stats." + field).entityList(Map.class).get()) {
            groups.put(
                    (String) group.get(key),
                    java.util.Arrays.asList(
                            group.get("count"),
                            group.get("totalSeconds"),
                            group.get("averageRating") == null
                                    ? null
                                    : ((Number) group.get("averageRating")).doubleValue(),
                            group.get("averageEffectiveness") == null
                                    ? null
                                    : round(((Number) group.get("averageEffectiveness")).doubleValue())));
        }
        return groups;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
