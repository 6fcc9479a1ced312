package app.brainbuddy.session;

import app.brainbuddy.graphql.Cursor;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.mongo.Keyset;
import app.brainbuddy.mongo.LookupPages;
import app.brainbuddy.mongo.StoredNames;
import app.brainbuddy.user.User;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.connection.ServerDescription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * sorts newest first and stops after the page ({@link LookupPages}, the benchmark's limit sends the
 * same). Filters, sort and projection name {@link TrainingSession}'s properties and are mapped to the
 * stored names by Spring Data. Each of those pipelines walks the
 * {@code {user_id, timestamp}} index and reads only the page, however many sessions a user has;
 * reading all sessions of all users and slicing them here would grow with the users' whole history.
 * MongoDB uses an index inside a {@code $lookup} pipeline from 5.0 on (wire version 13); before
 * that, and on the embedded server (which uses no secondary index and reports wire version 8), each
 * of those pipelines scans the whole collection. There one {@code find} of all the users' sessions
 * ({@code $in}) is cut into pages here instead: one scan per request rather than one per user.
 */
@Component
class SessionPageStore {

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
    private final String userField;
    private final LookupPages lookupPages;
    private volatile @Nullable Boolean lookupUsesIndexes;

    SessionPageStore(
            MongoTemplate mongo, MongoClient client, @Value("${brainbuddy.sessions.page-form:auto}") Form form) {
        this.mongo = mongo;
        this.client = client;
        this.form = form;
        this.queryMapper = new QueryMapper(mongo.getConverter());
        this.sessionEntity =
                mongo.getConverter().getMappingContext().getRequiredPersistentEntity(TrainingSession.class);
        this.userField = StoredNames.of(mongo, TrainingSession.class, "userId");
        this.lookupPages = new LookupPages(
                sessionEntity.getCollection(), userField, StoredNames.of(mongo, TrainingSession.class, "timestamp"));
    }

    /** For each user, the sessions matching the filter after the page's cursor, at most one more than the page. */
    Map<String, List<TrainingSession>> pages(Collection<String> userIds, SessionsArguments arguments) {
        Document conditions = queryMapper.getMappedObject(
                criteria(arguments.filter(), arguments.page()).getCriteriaObject(), sessionEntity);
        Document projection = projection(arguments.selected());
        return lookupUsesIndexes()
                ? lookupPerUser(userIds, arguments.page(), conditions, projection)
                : findAll(userIds, arguments.page(), conditions, projection);
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
            Collection<String> userIds, Page page, Document conditions, @Nullable Document projection) {
        Map<String, List<TrainingSession>> pages = new HashMap<>();
        for (Document user : mongo.getCollection(mongo.getCollectionName(User.class))
                .aggregate(lookupPages.pipeline(objectIds(userIds), conditions, page.first() + 1, projection))) {
            pages.put(
                    user.getObjectId("_id").toHexString(),
                    user.getList(LookupPages.PAGE, Document.class).stream()
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
            Collection<String> userIds, Page asked, Document conditions, @Nullable Document projection) {
        int kept = asked.first() + 1;
        Document filter = new Document(conditions).append(userField, new Document("$in", List.copyOf(userIds)));
        MongoCollection<RawBsonDocument> sessions =
                mongo.getCollection(sessionEntity.getCollection()).withDocumentClass(RawBsonDocument.class);
        Map<String, List<RawBsonDocument>> byUser = new HashMap<>();
        sessions.find(filter)
                .projection(projection)
                .sort(queryMapper.getMappedSort(
                        new Document("userId", 1).append("timestamp", -1).append("id", -1), sessionEntity))
                .forEach(session -> {
                    List<RawBsonDocument> page =
                            byUser.computeIfAbsent(session.getString(userField).getValue(), user -> new ArrayList<>());
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

    /** The stored fields that a page whose query selects these fields leaves out; null when none is left out. */
    private @Nullable Document projection(Set<OptionalSessionField> selected) {
        Document leftOut = new Document();
        OptionalSessionField.leftOut(selected).forEach(property -> leftOut.append(property, 0));
        return leftOut.isEmpty() ? null : queryMapper.getMappedFields(leftOut, sessionEntity);
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
