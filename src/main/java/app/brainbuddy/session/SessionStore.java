package app.brainbuddy.session;

import app.brainbuddy.mongo.StoredNames;
import app.brainbuddy.mongo.UnorderedInserts;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The writes and lookups on sessions beyond the repository's; pages and statistics have stores of
 * their own ({@link SessionPageStore}, {@link SessionStatsStore}). All name {@link TrainingSession}'s
 * properties, which Spring Data maps to the stored names of its {@code @Field}s.
 */
@Component
class SessionStore {

    private final MongoTemplate mongo;
    private final String contentField;

    SessionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // Spring Data leaves a path into a map's keys as written (docs/mongo-compatibility.md)
        this.contentField = StoredNames.of(mongo, TrainingSession.class, "generatedContent");
    }

    /** The user's session with its new rating (replacing the old one); null when the user has none with this id. */
    @Nullable
    TrainingSession rate(String userId, RateSessionInput input) {
        return mongo.findAndModify(
                Query.query(
                        Criteria.where("id").is(input.sessionId()).and("userId").is(userId)),
                new Update().set("userRating", input.rating()).set("effectivenessScore", input.effectivenessScore()),
                FindAndModifyOptions.options().returnNew(true),
                TrainingSession.class);
    }

    /**
     * The user's rated sessions with only what the personal model learns from (its SessionContext and the learning
     * order): id, time, kind, duration, rating, and of the generated content the local hour and the beat. The content
     * is most of a session's bytes, and the model reads every rated session on every rating.
     */
    List<TrainingSession> ratedForLearning(String userId) {
        Query query = Query.query(
                Criteria.where("userId").is(userId).and("userRating").ne(null));
        query.fields()
                .include(
                        "userId",
                        "moduleType",
                        "brainwaveTarget",
                        "timestamp",
                        "durationSeconds",
                        "userRating",
                        contentField + ".timing.local_hour",
                        contentField + ".frequency");
        return mongo.find(query, TrainingSession.class);
    }

    /** The stored sessions with these ids, whoever they belong to. */
    List<TrainingSession> withIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("id").in(ids)), TrainingSession.class);
    }

    /** Inserts the sessions in one unordered insertMany; returns the ids a concurrent write stored first. */
    Set<String> insertNew(List<TrainingSession> sessions) {
        return UnorderedInserts.insertSkippingTaken(mongo, sessions, TrainingSession.class).stream()
                .map(index -> sessions.get(index).id())
                .collect(Collectors.toSet());
    }
}
