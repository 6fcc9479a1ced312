package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.session.SessionService;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.UserService;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.mongodb.client.MongoClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Key rotation: a new primary key encrypts, old keys still decrypt, and the re-encryption pass moves models over. */
class ModelKeysTests extends GraphQlIntegrationTest {

    private static final byte[] WEIGHTS = "weights".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private Clock clock;

    @Autowired
    private MongoClient mongoClient;

    @Autowired
    private ModelPriors priors;

    @Autowired
    private SessionService sessions;

    @Autowired
    private UserService userService;

    @Autowired
    private ModelMetrics metrics;

    @Autowired
    private CurrentUser currentUser;

    @Autowired
    private ModelEvents events;

    @Test
    void aNewPrimaryKeyEncryptsWhileTheOldKeyStillDecrypts() throws GeneralSecurityException {
        KeysetHandle old = newKeyset();
        ModelCipher before = cipher(old);
        KeysetHandle rotatedKeys = rotate(old);
        ModelCipher rotated = cipher(rotatedKeys);
        ModelCipher newOnly = cipher(KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(rotatedKeys.getPrimary().getKey())
                        .withFixedId(rotatedKeys.getPrimary().getId())
                        .makePrimary())
                .build());

        byte[] byOldKey = before.encrypt(WEIGHTS, "user-1");
        byte[] byNewKey = rotated.encrypt(WEIGHTS, "user-1");

        assertThat(rotated.decrypt(byOldKey, "user-1")).isEqualTo(WEIGHTS);
        assertThat(rotated.byPrimaryKey(byOldKey)).isFalse();
        assertThat(rotated.byPrimaryKey(byNewKey)).isTrue();
        assertThat(newOnly.decrypt(byNewKey, "user-1")).isEqualTo(WEIGHTS);
        assertThatThrownBy(() -> newOnly.decrypt(byOldKey, "user-1"))
                .isInstanceOf(ModelCipher.TamperedModelException.class);
        assertThatThrownBy(() -> rotated.decrypt(byNewKey, "user-2"))
                .isInstanceOf(ModelCipher.TamperedModelException.class);
    }

    @Test
    void theReencryptionPassMovesEveryReadableModelToThePrimaryKeyAndRebuildsTheRest() throws GeneralSecurityException {
        KeysetHandle old = newKeyset();
        ModelCipher before = cipher(old);
        KeysetHandle rotatedKeys = rotate(old);
        ModelCipher rotated = cipher(rotatedKeys);
        // a database of its own, so that the pass sees these models only
        MongoTemplate database = new MongoTemplate(mongoClient, "model_keys_" + new ObjectId());
        byte[] model = PersonalModel.from(priors.prior()).serialize();
        List<String> users = IntStream.range(0, 5)
                .mapToObj(i -> new ObjectId().toHexString())
                .toList();
        users.forEach(user -> insertModel(database, user, new Binary(before.encrypt(model, user))));
        String legacy = new ObjectId().toHexString();
        insertModel(database, legacy, "encrypted_blob_or_path");
        ModelSettings settings = new ModelSettings(null, null, 20, 60);
        ModelStore store = new ModelStore(database, rotated, settings, clock);
        ModelReencryption pass = new ModelReencryption(
                store, new ModelTraining(store, priors, sessions, userService, metrics, settings, currentUser, events));

        ModelReencryption.Outcome outcome = pass.reencryptAll();

        assertThat(outcome.rewritten()).isEqualTo(users.size());
        assertThat(outcome.rebuilt()).containsExactly(legacy);
        for (String user : users) {
            byte[] stored = database.getCollection("user_models")
                    .find(new Document("user_id", user))
                    .first()
                    .get("model_weights", Binary.class)
                    .getData();
            assertThat(rotated.byPrimaryKey(stored)).isTrue();
            assertThat(rotated.decrypt(stored, user)).isEqualTo(model);
        }
        assertThat(pass.reencryptAll().rewritten()).isZero();
    }

    private static void insertModel(MongoTemplate database, String user, Object weights) {
        database.getCollection("user_models")
                .insertOne(new Document("user_id", user)
                        .append("model_weights", weights)
                        .append("last_updated", new Date())
                        .append("training_steps", 3L)
                        .append("phase", "developmental"));
    }

    private static KeysetHandle newKeyset() throws GeneralSecurityException {
        AeadConfig.register();
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    }

    /** The keyset with a new primary key added; the old key stays to decrypt. */
    private static KeysetHandle rotate(KeysetHandle keyset) throws GeneralSecurityException {
        return KeysetHandle.newBuilder(keyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
    }

    private static ModelCipher cipher(KeysetHandle keyset) throws GeneralSecurityException {
        return new ModelCipher(json(keyset));
    }

    private static String json(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }
}
