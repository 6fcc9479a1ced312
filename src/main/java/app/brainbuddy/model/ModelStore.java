package app.brainbuddy.model;

import app.brainbuddy.mongo.StoredEnums;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes personal models, encrypting on the way in and decrypting on the way out. Documents are read raw,
 * so that a {@code model_weights} of any legacy shape (a string, an old format) is seen as such instead of failing
 * the mapping. Writes are compare-and-set on the stored ciphertext: every encryption draws a fresh nonce, so a write
 * based on a model another device has changed since matches nothing and the caller reads again.
 */
@Component
class ModelStore {

    static final String COLLECTION = "user_models";

    private final MongoTemplate mongo;
    private final ModelCipher cipher;
    private final ModelSettings settings;
    private final Clock clock;

    ModelStore(MongoTemplate mongo, ModelCipher cipher, ModelSettings settings, Clock clock) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
    }

    /** A model document as stored: {@code weights} is whatever {@code model_weights} holds. */
    record Stored(String userId, @Nullable Object weights) {}

    /** What a stored model turned out to be: readable, or the reason it must be rebuilt. */
    record Read(@Nullable PersonalModel model, @Nullable RebuildReason problem) {}

    Optional<Stored> find(String userId) {
        Query query = Query.query(Criteria.where("user_id").is(userId));
        query.fields().include("user_id", "model_weights");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(document -> new Stored(userId, document.get("model_weights")));
    }

    /** Every stored model, for the re-encryption pass. */
    List<Stored> all() {
        Query query = new Query();
        query.fields().include("user_id", "model_weights");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(document -> new Stored(document.getString("user_id"), document.get("model_weights")))
                .toList();
    }

    Read read(Stored stored) {
        if (!(stored.weights() instanceof Binary binary)) {
            return new Read(null, RebuildReason.LEGACY);
        }
        byte[] plaintext;
        try {
            plaintext = cipher.decrypt(binary.getData(), stored.userId());
        } catch (ModelCipher.TamperedModelException e) {
            return new Read(
                    null, cipher.hasKeyOf(binary.getData()) ? RebuildReason.TAMPERED : RebuildReason.UNKNOWN_KEY);
        }
        try {
            return new Read(PersonalModel.deserialize(plaintext), null);
        } catch (PersonalModel.UnreadableModelException e) {
            return new Read(null, RebuildReason.LEGACY);
        }
    }

    ModelPhase phase(long trainingSteps) {
        return settings.phaseAfter(trainingSteps);
    }

    boolean needsReencryption(Stored stored) {
        return !(stored.weights() instanceof Binary binary) || !cipher.byPrimaryKey(binary.getData());
    }

    /**
     * Stores the model in place of the one read as {@code read} ({@code null}: none was stored); false when another
     * write came first.
     */
    boolean write(String userId, @Nullable Stored read, PersonalModel model) {
        Binary weights = new Binary(cipher.encrypt(model.serialize(), userId));
        Date now = Date.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        String phase = StoredEnums.stored(phase(model.steps()));
        if (read == null) {
            try {
                mongo.insert(
                        new Document("user_id", userId)
                                .append("model_weights", weights)
                                .append("last_updated", now)
                                .append("training_steps", (long) model.steps())
                                .append("phase", phase),
                        COLLECTION);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        Criteria sameAsRead =
                Criteria.where("user_id").is(userId).and("model_weights").is(read.weights());
        return mongo.updateFirst(
                                Query.query(sameAsRead),
                                new Update()
                                        .set("model_weights", weights)
                                        .set("last_updated", now)
                                        .set("training_steps", (long) model.steps())
                                        .set("phase", phase),
                                COLLECTION)
                        .getMatchedCount()
                == 1;
    }
}
