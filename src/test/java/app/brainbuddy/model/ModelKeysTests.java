package app.brainbuddy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.brainbuddy.GraphQlIntegrationTest;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
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

/** Key rotation: a new primary key encrypts, old keys still decrypt, and the re-encryption pass moves models over. */
class ModelKeysTests extends GraphQlIntegrationTest {

    private static final byte[] WEIGHTS = "weights".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private Clock clock;

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
    void theReencryptionPassMovesEveryReadableModelToThePrimaryKeyAndLeavesTheRestAlone()
            throws GeneralSecurityException {
        KeysetHandle old = newKeyset();
        ModelCipher before = cipher(old);
        KeysetHandle rotatedKeys = rotate(old);
        ModelCipher rotated = cipher(rotatedKeys);
        List<String> users = IntStream.range(0, 5)
                .mapToObj(i -> new ObjectId().toHexString())
                .toList();
        users.forEach(user -> mongo.getCollection("user_models")
                .insertOne(new Document("user_id", user)
                        .append("model_weights", new Binary(before.encrypt(WEIGHTS, user)))
                        .append("last_updated", new Date())
                        .append("training_steps", 3L)
                        .append("phase", "developmental")));
        ModelSettings settings = new ModelSettings(json(rotatedKeys), null, 20, 60);
        ModelReencryption pass = new ModelReencryption(mongo, new ModelStore(mongo, rotated, settings, clock));

        ModelReencryption.Outcome outcome = pass.reencryptAll();

        assertThat(outcome.rewritten()).isEqualTo(users.size());
        for (String user : users) {
            byte[] stored = mongo.getCollection("user_models")
                    .find(new Document("user_id", user))
                    .first()
                    .get("model_weights", Binary.class)
                    .getData();
            assertThat(rotated.byPrimaryKey(stored)).isTrue();
            assertThat(rotated.decrypt(stored, user)).isEqualTo(WEIGHTS);
        }
        // models of other keys (the running application's) were reported, not overwritten
        assertThat(outcome.unreadable()).doesNotContainAnyElementsOf(users);
        assertThat(pass.reencryptAll().rewritten()).isZero();
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
        return new ModelCipher(new ModelSettings(json(keyset), null, 20, 60));
    }

    private static String json(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }
}
