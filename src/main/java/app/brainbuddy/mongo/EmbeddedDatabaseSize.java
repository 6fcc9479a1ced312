package app.brainbuddy.mongo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded server reads every non-unique query as a whole-collection scan, so it serves well
 * only up to a size (see docs/scaling.md): at startup and every hour it warns once the per-user
 * collections together hold more documents than that, saying to move to MongoDB.
 */
@Component
class EmbeddedDatabaseSize {

    /** Documents of the per-user collections beyond which a scan takes longer than a request should. */
    static final long SERVES_WELL_UP_TO = 50_000;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseSize.class);
    private static final List<String> SCANNED = List.of("sessions", "habits", "users", "user_models");

    private final MongoTemplate mongo;
    private final boolean embedded;

    EmbeddedDatabaseSize(MongoTemplate mongo, MongoSettings settings) {
        this.mongo = mongo;
        this.embedded = settings.usesEmbeddedServer();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void check() {
        if (!embedded) {
            return;
        }
        long documents = SCANNED.stream()
                .mapToLong(collection -> mongo.getCollection(collection).estimatedDocumentCount())
                .sum();
        if (documents > SERVES_WELL_UP_TO) {
            log.warn(
                    "The embedded development database holds {} documents, more than the {} it serves well: every"
                            + " query scans whole collections, so requests slow down for everyone. Set MONGODB_URL to"
                            + " a MongoDB or Atlas server (see docs/scaling.md).",
                    documents,
                    SERVES_WELL_UP_TO);
        }
    }
}
