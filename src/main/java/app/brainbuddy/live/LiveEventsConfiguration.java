package app.brainbuddy.live;

import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Chooses how events travel: through change streams where the server has them (a replica set or a
 * sharded cluster, which Atlas always is), else within this process. The embedded development
 * database has none, and serves one instance. {@code brainbuddy.subscriptions.events} may force
 * {@code in-process} or {@code change-streams}; {@code auto} asks the server.
 */
@Configuration(proxyBeanMethods = false)
class LiveEventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LiveEventsConfiguration.class);

    /**
     * Made after the keys, because choosing asks the database: a server given {@code MONGODB_URL} but
     * no keys must refuse with that one line, whether or not the database can be reached.
     */
    @Bean
    @DependsOn({"signingKey", "modelCipher"})
    LiveEvents liveEvents(
            MongoTemplate mongo,
            List<ChangeDecoder> decoders,
            LocalDelivery delivery,
            @Value("${brainbuddy.subscriptions.events:auto}") String events) {
        boolean changeStreams = switch (events) {
            case "change-streams" -> true;
            case "in-process" -> false;
            case "auto" -> hasChangeStreams(mongo);
            default ->
                throw new IllegalStateException(
                        "brainbuddy.subscriptions.events must be auto, in-process or change-streams, was " + events);
        };
        log.info(
                "Subscriptions get their events {}",
                changeStreams ? "from MongoDB change streams" : "within this process");
        return changeStreams
                ? new ChangeStreamEvents(mongo.getDb(), decoders, delivery)
                : new InProcessEvents(delivery);
    }

    /**
     * A replica set names itself in {@code setName}, a mongos says {@code isdbgrid}; a lone server has
     * neither. Asked by the command's legacy name, which every server answers with the same fields
     * ({@code hello}'s): the embedded one knows no other and logs an error for {@code hello}.
     */
    static boolean hasChangeStreams(MongoTemplate mongo) {
        return isReplicaSetOrRouter(mongo.executeCommand(new Document("isMaster", 1)));
    }

    static boolean isReplicaSetOrRouter(Document hello) {
        return hello.get("setName") != null || "isdbgrid".equals(hello.get("msg"));
    }
}
