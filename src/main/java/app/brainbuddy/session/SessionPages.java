package app.brainbuddy.session;

import app.brainbuddy.graphql.Cursor;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.mongo.Keyset;
import app.brainbuddy.user.User;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.connection.ServerDescription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Pages of sessions for many users in one command, in the form that is cheap on the database in use.
 * On MongoDB: an aggregation over the users with a {@code $lookup} whose pipeline matches one user,
 * sorts newest first and stops after the page. Each of those pipelines walks the
 * {@code {user_id, timestamp}} index and reads only the page, however many sessions a user has;
 * reading all sessions of all users and slicing them here would grow with the users' whole history.
 * MongoDB uses an index inside a {@code $lookup} pipeline from 5.0 on (wire version 13); before
 * that, and on the embedded server (which uses no secondary index and reports wire version 8), each
 * of those pipelines scans the whole collection. There one {@code find} of all the users' sessions
 * ({@code $in}) is cut into pages here instead: one scan per request rather than one per user.
 */
@Component
class SessionPages {

    /** MongoDB 5.0: the first whose {@code $lookup} pipelines use the joined collection's indexes. */
    private static final int LOOKUP_USES_INDEXES = 13;

    /** Which form to use: the one the server suits (the default), or one forced, so tests run both. */
    enum Form {
        AUTO,
        LOOKUP,
        FIND
    }

    private final MongoTemplate mongo;
    private final MongoClient client;
    private final Form form;
    private final QueryMapper queryMapper;
    private final MongoPersistentEntity<?> sessionEntity;
    private volatile @Nullable Boolean lookupUsesIndexes;

    SessionPages(MongoTemplate mongo, MongoClient client, @Value("${brainbuddy.sessions.page-form:auto}") Form form) {
        this.mongo = mongo;
        this.client = client;
        this.form = form;
        this.queryMapper = new QueryMapper(mongo.getConverter());
        this.sessionEntity =
                mongo.getConverter().getMappingContext().getRequiredPersistentEntity(TrainingSession.class);
    }

    /** For each user, the sessions matching the filter after the page's cursor, at most one more than the page. */
    Map<String, List<TrainingSession>> pages(Collection<String> userIds, SessionsArguments arguments) {
        Document conditions = queryMapper.getMappedObject(
                criteria(arguments.filter(), arguments.page()).getCriteriaObject(), sessionEntity);
        return lookupUsesIndexes()
                ? lookupPerUser(userIds, arguments, conditions)
                : findAll(userIds, arguments, conditions);
    }

    /** Decided once the driver knows the server; until then MongoDB's form, the one for production. */
    private boolean lookupUsesIndexes() {
        if (form != Form.AUTO) {
            return form == Form.LOOKUP;
        }
        Boolean known = lookupUsesIndexes;
        if (known == null) {
            int wireVersion = client.getClusterDescription().getServerDescriptions().stream()
                    .filter(ServerDescription::isOk)
                    .mapToInt(ServerDescription::getMaxWireVersion)
                    .min()
                    .orElse(-1);
            if (wireVersion < 0) {
                return true;
            }
            known = wireVersion >= LOOKUP_USES_INDEXES;
            lookupUsesIndexes = known;
        }
        return known;
    }

    private Map<String, List<TrainingSession>> lookupPerUser(
            Collection<String> userIds, SessionsArguments arguments, Document conditions) {
        Page page = arguments.page();
        List<Document> perUser = new ArrayList<>();
        perUser.add(new Document(
                "$match", new Document("$expr", new Document("$eq", List.of("$user_id", "$$userId")))));
        if (!conditions.isEmpty()) {
            perUser.add(new Document("$match", conditions));
        }
        perUser.add(new Document("$sort", new Document("timestamp", -1).append("_id", -1)));
        perUser.add(new Document("$limit", page.first() + 1));
        Document projection = OptionalSessionField.projectionFor(arguments.selected());
        if (projection != null) {
            perUser.add(new Document("$project", projection));
        }

        List<Document> pipeline = List.of(
                new Document("$match", new Document("_id", new Document("$in", objectIds(userIds)))),
                new Document("$project", new Document("_id", 1)),
                new Document(
                        "$lookup",
                        new Document("from", sessionEntity.getCollection())
                                .append("let", new Document("userId", new Document("$toString", "$_id")))
                                .append("pipeline", perUser)
                                .append("as", "page")));

        Map<String, List<TrainingSession>> pages = new HashMap<>();
        for (Document user :
                mongo.getCollection(mongo.getCollectionName(User.class)).aggregate(pipeline)) {
            pages.put(
                    user.getObjectId("_id").toHexString(),
                    user.getList("page", Document.class).stream()
                            .map(this::mapped)
                            .toList());
        }
        return pages;
    }

    /**
     * All matching sessions of the users, grouped by user newest first. They arrive undecoded: only
     * the user id of each is read, and only each page's sessions are decoded and mapped.
     */
    private Map<String, List<TrainingSession>> findAll(
            Collection<String> userIds, SessionsArguments arguments, Document conditions) {
        int kept = arguments.page().first() + 1;
        Document filter = new Document(conditions).append("user_id", new Document("$in", List.copyOf(userIds)));
        MongoCollection<RawBsonDocument> sessions =
                mongo.getCollection(sessionEntity.getCollection()).withDocumentClass(RawBsonDocument.class);
        Map<String, List<RawBsonDocument>> byUser = new HashMap<>();
        sessions.find(filter)
                .projection(OptionalSessionField.projectionFor(arguments.selected()))
                .sort(new Document("user_id", 1).append("timestamp", -1).append("_id", -1))
                .forEach(session -> {
                    List<RawBsonDocument> page =
                            byUser.computeIfAbsent(session.getString("user_id").getValue(), user -> new ArrayList<>());
                    if (page.size() < kept) {
                        page.add(session);
                    }
                });
        Codec<Document> documents = sessions.getCodecRegistry().get(Document.class);
        Map<String, List<TrainingSession>> pages = new HashMap<>();
        byUser.forEach((userId, page) -> pages.put(
                userId,
                page.stream().map(session -> mapped(session.decode(documents))).toList()));
        return pages;
    }

    private TrainingSession mapped(Document stored) {
        return mongo.getConverter().read(TrainingSession.class, stored);
    }

    private static Criteria criteria(SessionFilter filter, Page page) {
        List<Criteria> parts = new ArrayList<>();
        if (filter.moduleType() != null) {
            parts.add(Criteria.where("moduleType").is(filter.moduleType()));
        }
        if (filter.brainwaveTarget() != null) {
            parts.add(Criteria.where("brainwaveTarget").is(filter.brainwaveTarget()));
        }
        if (filter.from() != null) {
            parts.add(Criteria.where("timestamp").gte(filter.from()));
        }
        if (filter.to() != null) {
            parts.add(Criteria.where("timestamp").lt(filter.to()));
        }
        if (filter.rated() != null) {
            parts.add(
                    filter.rated()
                            ? Criteria.where("userRating").ne(null)
                            : Criteria.where("userRating").is(null));
        }
        Cursor after = page.after();
        if (after != null) {
            parts.add(Keyset.descendingAfter("timestamp", after.instant(), after.id()));
        }
        return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
    }

    private static List<ObjectId> objectIds(Collection<String> ids) {
        return ids.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
    }
}
