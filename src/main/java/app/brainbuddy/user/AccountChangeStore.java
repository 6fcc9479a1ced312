package app.brainbuddy.user;

import app.brainbuddy.live.ChangeDecoder;
import app.brainbuddy.live.LiveEvent;
import app.brainbuddy.live.Topic;
import app.brainbuddy.mongo.StoredNames;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonValue;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * With change streams: a change of a {@code users} document is its account's ACCOUNT event, named
 * by the fields it changed; a delete is DELETED (the key is the account's id, no lookup needed).
 */
@Component
class AccountChangeStore implements ChangeDecoder {

    private final Clock clock;
    private final String collection;
    private final String integrations;
    private final String privacySettings;

    AccountChangeStore(Clock clock, MongoTemplate mongo) {
        this.clock = clock;
        this.collection = mongo.getCollectionName(User.class);
        this.integrations = StoredNames.of(mongo, User.class, "integrations");
        this.privacySettings = StoredNames.of(mongo, User.class, "privacySettings");
    }

    @Override
    public String collection() {
        return collection;
    }

    @Override
    public Optional<LiveEvent> decode(ChangeStreamDocument<Document> change) {
        BsonValue key =
                change.getDocumentKey() == null ? null : change.getDocumentKey().get("_id");
        if (key == null) {
            return Optional.empty();
        }
        String userId = key.isObjectId()
                ? key.asObjectId().getValue().toHexString()
                : key.asString().getValue();
        AccountEvent.AccountChange kind = switch (change.getOperationType()) {
            case DELETE -> AccountEvent.AccountChange.DELETED;
            case UPDATE ->
                changed(
                        change.getUpdateDescription() == null
                                        || change.getUpdateDescription().getUpdatedFields() == null
                                ? Set.of()
                                : change.getUpdateDescription()
                                        .getUpdatedFields()
                                        .keySet());
            case REPLACE -> AccountEvent.AccountChange.PROFILE_UPDATED;
            default -> null;
        };
        return Optional.ofNullable(kind)
                .map(found -> new LiveEvent(userId, Topic.ACCOUNT, new AccountEvent(found, clock.instant())));
    }

    private AccountEvent.AccountChange changed(Set<String> fields) {
        if (fields.stream().anyMatch(field -> field.startsWith(integrations))) {
            return AccountEvent.AccountChange.INTEGRATIONS_CHANGED;
        }
        if (fields.stream().anyMatch(field -> field.startsWith(privacySettings))) {
            return AccountEvent.AccountChange.PRIVACY_CHANGED;
        }
        return AccountEvent.AccountChange.PROFILE_UPDATED;
    }
}
