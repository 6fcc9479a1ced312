package app.brainbuddy.model;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes personal models, encrypting on the way in and decrypting on the way out. Writes
 * are optimistic: {@code training_steps} is the version, so a write based on a model another device
 * has changed since matches nothing and is retried by the caller.
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

    Optional<UserModel> find(String userId) {
        return Optional.ofNullable(
                mongo.findOne(Query.query(Criteria.where("userId").is(userId)), UserModel.class));
    }

    RatingPosterior posterior(UserModel model) {
        return RatingPosterior.deserialize(cipher.decrypt(model.modelWeights(), model.userId()));
    }

    ModelPhase phase(long trainingSteps) {
        return trainingSteps >= settings.adaptiveAfter() ? ModelPhase.ADAPTIVE : ModelPhase.DEVELOPMENTAL;
    }

    /** Stores a first model that learned from {@code steps} ratings; false when another device stored one first. */
    boolean create(String userId, RatingPosterior posterior, int steps) {
        try {
            mongo.insert(new UserModel(
                    null,
                    userId,
                    cipher.encrypt(posterior.serialize(), userId),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    steps,
                    phase(steps)));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Replaces the weights of a model still at the step count it was read with and counts the new
     * steps; false when another write came first.
     */
    boolean advance(UserModel model, RatingPosterior posterior, int steps) {
        return mongo.updateFirst(
                                versionOf(model),
                                new Update()
                                        .set("modelWeights", cipher.encrypt(posterior.serialize(), model.userId()))
                                        .set("lastUpdated", clock.instant().truncatedTo(ChronoUnit.MILLIS))
                                        .set("phase", phase(model.trainingSteps() + steps))
                                        .inc("trainingSteps", steps),
                                UserModel.class)
                        .getModifiedCount()
                == 1;
    }

    boolean needsReencryption(UserModel model) {
        return !cipher.byPrimaryKey(model.modelWeights());
    }

    /** Re-encrypts a model with the primary key; false when another write came first. */
    boolean reencrypt(UserModel model) {
        byte[] weights = cipher.encrypt(cipher.decrypt(model.modelWeights(), model.userId()), model.userId());
        return mongo.updateFirst(versionOf(model), Update.update("modelWeights", weights), UserModel.class)
                        .getModifiedCount()
                == 1;
    }

    private static Query versionOf(UserModel model) {
        return Query.query(
                Criteria.where("userId").is(model.userId()).and("trainingSteps").is(model.trainingSteps()));
    }
}
