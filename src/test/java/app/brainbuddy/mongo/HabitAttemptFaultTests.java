package app.brainbuddy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.HabitInputs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A device logs habit attempts while the database goes away and comes back, and retries each
 * attempt it saw fail with the same client id until it is acknowledged, as the schema tells clients
 * to. Whatever point of an attempt's write the outage hit, each attempt ends up counted exactly once.
 */
@DirtiesContext
class HabitAttemptFaultTests extends GraphQlIntegrationTest {

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void keepTheDataInAFile(DynamicPropertyRegistry properties) {
        properties.add("brainbuddy.mongo.embedded.storage", () -> "file");
        properties.add("brainbuddy.mongo.embedded.path", () -> folder.resolve("attempts.mv.db"));
    }

    @Autowired
    private EmbeddedMongoServer database;

    @Test
    void attemptsRetriedAcrossAnOutageAreEachCountedOnce() throws InterruptedException {
        SignedIn user = signUp();
        String habitId = user.graphQl()
                .documentName("createHabit")
                .variable("input", HabitInputs.positiveRoutine())
                .execute()
                .path("createHabit.id")
                .entity(String.class)
                .get();
        Device device = new Device(user, habitId);
        Thread logging = new Thread(device);
        logging.start();
        try {
            awaitWithin(Duration.ofSeconds(60), () -> device.acknowledged.size() >= 10);
            database.stop();
            awaitWithin(Duration.ofSeconds(30), () -> device.failures >= 3);
            database.restart();
            int beforeRestart = device.acknowledged.size();
            awaitWithin(Duration.ofSeconds(60), () -> device.acknowledged.size() >= beforeRestart + 10);
        } finally {
            device.logging = false;
            logging.join(30_000);
        }

        Document habit = mongo.getCollection("habits")
                .find(new Document("_id", new ObjectId(habitId)))
                .first();
        assertThat(device.failures).isGreaterThanOrEqualTo(3);
        assertThat(habit.get("attempt_log", Document.class).keySet()).isEqualTo(device.acknowledged);
        assertThat(habit.getInteger("attempt_count")).isEqualTo(device.acknowledged.size());
        assertThat(habit.getInteger("success_count")).isEqualTo(device.acknowledged.size());
    }

    /** Logs one attempt after another; an attempt whose answer was not a success is sent again, same client id. */
    private static final class Device implements Runnable {

        private final SignedIn user;
        private final String habitId;
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private volatile int failures;
        private volatile boolean logging = true;

        Device(SignedIn user, String habitId) {
            this.user = user;
            this.habitId = habitId;
        }

        @Override
        public void run() {
            String clientId = new ObjectId().toHexString();
            Instant occurredAt = Instant.now();
            while (logging) {
                if (send(clientId, occurredAt)) {
                    acknowledged.add(clientId);
                    clientId = new ObjectId().toHexString();
                    occurredAt = Instant.now();
                } else {
                    failures++;
                    pause();
                }
            }
        }

        private boolean send(String clientId, Instant occurredAt) {
            try {
                GraphQlTester.Response answer = user.graphQl()
                        .documentName("recordHabitAttempt")
                        .variable(
                                "input",
                                Map.of(
                                        "habitId",
                                        habitId,
                                        "success",
                                        true,
                                        "clientId",
                                        clientId,
                                        "occurredAt",
                                        occurredAt.toString()))
                        .execute();
                answer.errors().verify();
                return true;
            } catch (AssertionError | RuntimeException notAcknowledged) {
                return false;
            }
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitWithin(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting after %s", limit).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
