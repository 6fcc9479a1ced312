package app.brainbuddy.model;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes personal models, encrypting on the way in and decrypting on the way out. The weights are read as
 * whatever value they hold, so that one of any legacy shape (a string, an old format) is seen as such instead of
 * failing the mapping. Writes are compare-and-set on the stored ciphertext: every encryption draws a fresh nonce, so a write
 * based on a model another device has changed since matches nothing and the caller reads again.
 */
@Component
class ModelStore {

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

    /** A model document as stored, read as a projection of {@link UserModel}: {@code weights} is whatever it holds. */
    record Stored(String id, String userId, @Nullable Object weights) {}

    /** What a stored model turned out to be: readable, or the reason it must be rebuilt. */
    record Read(@Nullable PersonalModel model, @Nullable RebuildReason problem) {}

    Optional<Stored> find(String userId) {
        return mongo.query(UserModel.class)
                .as(Stored.class)
                .matching(Query.query(Criteria.where("userId").is(userId)))
                .one();
    }

    /** Every stored model, for the re-encryption pass. */
    List<Stored> all() {
        return mongo.query(UserModel.class).as(Stored.class).all();
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
     * Stores the model in place of the one read as {@code read} ({@code null}: none was stored) and answers the status
     * it wrote; empty when another write came first.
     */
    Optional<ModelStatus> write(String userId, @Nullable Stored read, PersonalModel model) {
        Binary weights = new Binary(cipher.encrypt(model.serialize(), userId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ModelPhase phase = phase(model.steps());
        if (read == null) {
            String id = new ObjectId().toHexString();
            try {
                mongo.insert(new UserModel(id, userId, weights, now, model.steps(), phase));
                return Optional.of(new ModelStatus(id, userId, now, model.steps()));
            } catch (DuplicateKeyException e) {
                return Optional.empty();
            }
        }
        Criteria sameAsRead = Criteria.where("userId").is(userId).and("weights").is(read.weights());
        Update update = new Update()
                .set("weights", weights)
                .set("lastUpdated", now)
                .set("trainingSteps", (long) model.steps())
                .set("phase", phase);
        return mongo.updateFirst(Query.query(sameAsRead), update, UserModel.class)
                                .getMatchedCount()
                        == 1
                ? Optional.of(new ModelStatus(read.id(), userId, now, model.steps()))
                : Optional.empty();
    }
}
