package app.brainbuddy.live;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * A {@link ChangeDecoder} for the common case: an insert or update of a document that names its
 * owner, read by the feature's own mapping into the value its subscribers receive.
 */
public record StoredChanges<T>(
        String collection, Topic topic, Class<T> type, Function<T, String> owner, MongoConverter converter)
        implements ChangeDecoder {

    private static final Set<OperationType> WRITES =
            Set.of(OperationType.INSERT, OperationType.UPDATE, OperationType.REPLACE);

    @Override
    public Optional<LiveEvent> decode(ChangeStreamDocument<Document> change) {
        Document stored = change.getFullDocument();
        if (stored == null || !WRITES.contains(change.getOperationType())) {
            return Optional.empty(); // a delete, or a document deleted before it could be looked up
        }
        T value = converter.read(type, stored);
        return Optional.of(new LiveEvent(owner.apply(value), topic, value));
    }
}
