package app.brainbuddy.model;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;

/** What the personal model's tests share: syncing a batch as a device does, and reading the stored model back. */
final class ModelTestSupport {

    private ModelTestSupport() {}

    /** {@code recordSessions} with this batch, checking that every item is answered. */
    static void recordAll(GraphQlTester client, List<Map<String, Object>> batch) {
        client.documentName("recordSessions")
                .variable("input", batch)
                .execute()
                .path("recordSessions")
                .entityList(Object.class)
                .hasSize(batch.size());
    }

    /** The user's model as stored, decrypted. */
    static PersonalModel storedModel(MongoTemplate mongo, ModelCipher cipher, String userId) {
        Document stored = mongo.getCollection("user_models")
                .find(new Document("user_id", userId))
                .first();
        return PersonalModel.deserialize(
                cipher.decrypt(stored.get("model_weights", Binary.class).getData(), userId));
    }
}
