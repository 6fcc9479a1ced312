package app.brainbuddy.limit;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.AttackDocuments;
import app.brainbuddy.GraphQlIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

/**
 * Heavy requests through the API: each one gives its lane back, answered or refused, so one after
 * another they never wait (a lane kept by mistake would make the next ones wait and be refused).
 */
class HeavyRequestsTests extends GraphQlIntegrationTest {

    @Autowired
    HeavyRequestSettings settings;

    @Test
    void heavyRequestsOneAfterAnotherEachGetALane() {
        SignedIn user = signUp();
        // 20 sessions of 2,000 characters each: a body over min-body (32 KB), so the request is heavy
        List<Map<String, Object>> sync = AttackDocuments.sessionsOfYesterday(20, Map.of("notes", "n".repeat(2_000)));
        List<Map<String, Object>> badSync = new java.util.ArrayList<>(sync);
        Map<String, Object> tooEarly = new HashMap<>(sync.get(0));
        tooEarly.put("timestamp", "1999-01-01T00:00:00Z");
        badSync.set(0, tooEarly);
        long stored = count("sessions");

        for (int i = 0; i < settings.lanesHere() + 2; i++) {
            assertSingleError(record(user, badSync), ErrorType.BAD_REQUEST);
            record(user, sync).path("recordSessions").entityList(Object.class).hasSize(20);
        }

        assertThat(count("sessions")).isEqualTo(stored + 20L * (settings.lanesHere() + 2));
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response record(
            SignedIn user, List<Map<String, Object>> sessions) {
        return user.graphQl()
                .documentName("recordSessions")
                .variable("input", sessions)
                .execute();
    }
}
