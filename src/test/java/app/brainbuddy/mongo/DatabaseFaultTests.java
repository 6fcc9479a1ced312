package app.brainbuddy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.HabitInputs;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded database stops in the middle of traffic and comes back on the same port, with its
 * data in a file: meanwhile requests fail promptly with a clear error and health says DOWN; then
 * the same running application serves again, and every write it acknowledged is there.
 */
@DirtiesContext
class DatabaseFaultTests extends GraphQlIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseFaultTests.class);

    /** The promise to clients; the driver gives up on an unreachable server after 1.5 s. */
    private static final Duration PROMPT = Duration.ofSeconds(2);

    private static final String UNAVAILABLE = "The database is unavailable; try again shortly (reference ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void keepTheDataInAFile(DynamicPropertyRegistry properties) {
        properties.add("brainbuddy.mongo.embedded.storage", () -> "file");
        properties.add("brainbuddy.mongo.embedded.path", () -> folder.resolve("faults.mv.db"));
    }

    @Autowired
    private EmbeddedMongoServer database;

    @Test
    void aLostDatabaseFailsRequestsPromptlyAndLosesNoAcknowledgedWriteWhenItReturns() throws InterruptedException {
        SignedIn user = signUp();
        List<Writer> writers =
                IntStream.range(0, 3).mapToObj(i -> new Writer(user.token())).toList();
        assertThat(login(user.email()).status()).isEqualTo(HttpStatus.OK);
        assertThat(health().status()).isEqualTo(HttpStatus.OK);
        List<Answer> outage;
        Duration recovery;
        ExecutorService threads = Executors.newFixedThreadPool(writers.size());
        try {
            writers.forEach(threads::execute);
            awaitWithin(Duration.ofSeconds(20), () -> acknowledged(writers) >= 20);

            database.stop();
            outage = List.of(
                    write(user.token(), "recordHabitAttempt", attempt(writers.get(0).habitId)),
                    login(user.email()),
                    health());
            long beforeRestart = acknowledged(writers);
            database.restart();
            long restarted = System.nanoTime();
            awaitWithin(Duration.ofSeconds(15), () -> me(user.token()).acknowledged());
            recovery = Duration.ofNanos(System.nanoTime() - restarted);
            awaitWithin(Duration.ofSeconds(15), () -> acknowledged(writers) >= beforeRestart + 20);
        } finally {
            writers.forEach(Writer::finish);
            threads.shutdown();
        }
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        log.info(
                "Database away: answers in {} ms; back {} ms after the restart",
                outage.stream().map(answer -> answer.took().toMillis()).toList(),
                recovery.toMillis());
        assertThat(outage).allSatisfy(answer -> assertThat(answer.took()).isLessThan(PROMPT));
        assertThat(outage.get(0).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(outage.get(1).status()).isEqualTo(HttpStatus.OK);
        assertThat(outage.subList(0, 2)).allSatisfy(DatabaseFaultTests::assertTheDatabaseIsReportedUnavailable);
        assertThat(outage.get(2).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(outage.get(2).body().at("/status").asString()).isEqualTo("DOWN");
        assertThat(health().status()).isEqualTo(HttpStatus.OK);
        writers.forEach(this::assertEverythingAcknowledgedIsStored);
    }

    @Test
    void writesAskForAcknowledgementByAMajority() {
        SignedIn user = signUp();

        var commands = mongoCommands.during(() -> createHabit(user.token()));

        assertThat(commands)
                .filteredOn(command -> command.name().equals("insert"))
                .singleElement()
                .satisfies(insert -> assertThat(insert.document()
                                .getDocument("writeConcern")
                                .getString("w")
                                .getValue())
                        .isEqualTo("majority"));
    }

    private static void assertTheDatabaseIsReportedUnavailable(Answer answer) {
        assertThat(answer.body().at("/errors/0/extensions/classification").asString())
                .isEqualTo("INTERNAL_ERROR");
        assertThat(answer.body().at("/errors/0/message").asString()).startsWith(UNAVAILABLE);
        assertThat(answer.body().toString())
                .doesNotContainIgnoringCase("mongo")
                .doesNotContain("Exception", "127.0.0.1", "Timed out", "\tat ");
    }

    private void assertEverythingAcknowledgedIsStored(Writer writer) {
        var habits = mongo.getCollection("habits");
        Document habit =
                habits.find(Filters.eq("_id", new ObjectId(writer.habitId))).first();
        assertThat(habit.get("attempt_count", Number.class).longValue()).isGreaterThanOrEqualTo(writer.attempts.get());
        assertThat(habits.countDocuments(Filters.in(
                        "_id", writer.created.stream().map(ObjectId::new).toList())))
                .isEqualTo(writer.created.size());
    }

    /** Keeps recording attempts on a habit of its own and creating habits, and remembers what was acknowledged. */
    private final class Writer implements Runnable {

        private final String token;
        private final String habitId;
        private final AtomicInteger attempts = new AtomicInteger();
        private final Set<String> created = ConcurrentHashMap.newKeySet();
        private volatile boolean writing = true;

        Writer(String token) {
            this.token = token;
            this.habitId = createHabit(token);
        }

        @Override
        public void run() {
            for (int i = 0; writing; i++) {
                try {
                    if (i % 2 == 0) {
                        if (write(token, "recordHabitAttempt", attempt(habitId)).acknowledged()) {
                            attempts.incrementAndGet();
                        }
                    } else {
                        Answer answer = write(token, "createHabit", HabitInputs.positiveRoutine());
                        if (answer.acknowledged()) {
                            created.add(answer.body().at("/data/createHabit/id").asString());
                        }
                    }
                } catch (RuntimeException notAcknowledged) {
                    // a request the client saw fail, as any other unacknowledged write
                }
            }
        }

        void finish() {
            writing = false;
        }
    }

    private static long acknowledged(List<Writer> writers) {
        return writers.stream()
                .mapToLong(writer -> writer.attempts.get() + writer.created.size())
                .sum();
    }

    private String createHabit(String token) {
        return write(token, "createHabit", HabitInputs.positiveRoutine())
                .body()
                .at("/data/createHabit/id")
                .asString();
    }

    private static Map<String, Object> attempt(String habitId) {
        return Map.of("habitId", habitId, "success", true);
    }

    private Answer write(String token, String document, Map<String, Object> input) {
        return answer(http().post()
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document(document), "variables", Map.of("input", input))));
    }

    private Answer me(String token) {
        return answer(http().post()
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ me { id } }")));
    }

    private Answer login(String email) {
        return answer(http().post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "query",
                        document("login"),
                        "variables",
                        Map.of("input", Map.of("email", email, "password", PASSWORD)))));
    }

    private Answer health() {
        return answer(server().get().uri("/actuator/health"));
    }

    /** Sends the request and times it until the whole answer is in. */
    private static Answer answer(WebTestClient.RequestHeadersSpec<?> request) {
        long start = System.nanoTime();
        EntityExchangeResult<String> result =
                request.exchange().expectBody(String.class).returnResult();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Answer(
                HttpStatus.valueOf(result.getStatus().value()), JSON.readTree(result.getResponseBody()), took);
    }

    private static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql")
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitWithin(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting after %s", limit).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** One HTTP answer: its status, its JSON body and how long it took. */
    private record Answer(HttpStatus status, JsonNode body, Duration took) {

        boolean acknowledged() {
            return status == HttpStatus.OK && !body.has("errors");
        }
    }
}
