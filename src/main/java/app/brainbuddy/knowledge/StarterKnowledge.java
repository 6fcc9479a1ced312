package app.brainbuddy.knowledge;

import app.brainbuddy.mongo.DumpCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills an empty knowledge base with the reviewed evidence in {@value #RESOURCE}. A knowledge base
 * that holds anything is left alone, so administrators' edits and deletions stay. Runs as an
 * {@link ApplicationRunner}: after every bean's initialisation, so after {@code MongoIndexes} has
 * created the indexes, and before the application reports itself ready for traffic: Spring Boot
 * turns readiness to ACCEPTING_TRAFFIC only after every runner, so {@code /actuator/health/readiness}
 * is DOWN until the knowledge base is filled. A server stopped while it fills the knowledge base
 * stops quietly; the next start fills it. Each entry's
 * {@code _id} is derived from its content, so instances starting together on an empty database
 * insert each entry once: the later inserts fail on the {@code _id} and are ignored.
 */
@Component
class StarterKnowledge implements ApplicationRunner {

    static final String RESOURCE = "knowledge/knowledge-references.json";

    private static final Logger log = LoggerFactory.getLogger(StarterKnowledge.class);

    private final KnowledgeStore store;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final ConfigurableApplicationContext context;

    StarterKnowledge(KnowledgeStore store, Clock clock, ConfigurableApplicationContext context) {
        this.store = store;
        this.clock = clock;
        this.context = context;
    }

    /** Not for {@code --dump} and {@code --restore}, which must see the database as it is. */
    @Override
    public void run(ApplicationArguments args) {
        if (DumpCommand.isRequested(args.getSourceArgs())) {
            return;
        }
        try {
            int inserted = seed();
            if (inserted > 0) {
                log.info("Filled the empty knowledge base with {} starter entries", inserted);
            }
        } catch (RuntimeException e) {
            if (context.isActive()) {
                throw e;
            }
            // stopped (Ctrl+C, SIGTERM) while filling: the database client is closed under us
            log.info("Stopped before the knowledge base was filled; the next start fills it");
        }
    }

    /** Inserts the starter entries when the knowledge base is empty; answers how many this call inserted. */
    int seed() {
        if (!store.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return store.insertNew(
                entries().stream().map(entry -> entry.toEntry(idOf(entry), now)).toList());
    }

    /** The starter entries as the resource holds them. */
    List<AddKnowledgeInput> entries() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readValue(in, new TypeReference<List<AddKnowledgeInput>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The first 12 bytes of a SHA-256 of stimulus, outcome and parameters (keys sorted). */
    String idOf(AddKnowledgeInput entry) {
        String content = entry.stimulusType() + "\n" + entry.outcome() + "\n"
                + json.writeValueAsString(entry.stimulusParameters());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return new ObjectId(Arrays.copyOf(digest, 12)).toHexString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
