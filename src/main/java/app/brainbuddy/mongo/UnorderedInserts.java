package app.brainbuddy.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts many entities in one unordered {@code insertMany}, mapped as {@link MongoTemplate} maps
 * them, where an entity whose {@code _id} is stored already is skipped rather than failing the rest:
 * how idempotent batches (seeding, offline sync) tell "stored before" from "stored now".
 */
public final class UnorderedInserts {

    private UnorderedInserts() {}

    /** The positions of the entities that were not inserted because their {@code _id} was taken. */
    public static <T> Set<Integer> insertSkippingTaken(MongoTemplate mongo, List<T> entities, Class<T> type) {
        if (entities.isEmpty()) {
            return Set.of();
        }
        List<Document> documents = entities.stream()
                .map(entity -> {
                    Document document = new Document();
                    mongo.getConverter().write(entity, document);
                    return document;
                })
                .toList();
        try {
            mongo.getCollection(mongo.getCollectionName(type))
                    .insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            List<BulkWriteError> errors = e.getWriteErrors();
            if (e.getWriteConcernError() != null
                    || errors.isEmpty()
                    || errors.stream()
                            .anyMatch(error ->
                                    ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            // the indexes, not getInsertedCount(): the embedded server counts every document sent
            return errors.stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
        }
    }
}
