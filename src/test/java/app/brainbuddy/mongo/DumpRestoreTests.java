package app.brainbuddy.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.brainbuddy.GraphQlIntegrationTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's database, dumped in mongodump's layout and restored into a fresh embedded one. */
class DumpRestoreTests extends GraphQlIntegrationTest {

    @TempDir
    Path dumps;

    private EmbeddedMongoServer freshServer;
    private MongoClient freshClient;
    private MongoDatabase fresh;

    @BeforeEach
    void aFreshEmbeddedDatabase() {
        freshServer =
                new EmbeddedMongoServer(new MongoSettings.Embedded(MongoSettings.Storage.MEMORY, dumps, 0, false));
        freshClient = MongoClients.create(freshServer.connectionString("restored"));
        fresh = freshClient.getDatabase("restored");
    }

    @AfterEach
    void stopIt() {
        freshClient.close();
        freshServer.close();
    }

    @Test
    void aRestoredDumpHasEveryDocumentAndIndex() {
        SignedIn user = signUp();
        user.graphQl()
                .document(
                        "mutation { startSession(input: {moduleType: BRAINWAVE, brainwaveTarget: THETA, durationSeconds: 900}) { id } }")
                .execute();

        Map<String, Long> dumped = MongoDumpFormat.dump(mongo.getDb(), dumps);
        Map<String, Long> restored = MongoDumpFormat.restore(fresh, dumps, false);

        assertThat(restored).isEqualTo(dumped);
        assertThat(dumped).containsKeys("users", "sessions");
        assertThat(Files.exists(dumps.resolve(mongo.getDb().getName()).resolve("users.metadata.json")))
                .isTrue();
        for (String collection : dumped.keySet()) {
            assertThat(documents(fresh, collection)).as(collection).isEqualTo(documents(mongo.getDb(), collection));
            assertThat(indexes(fresh, collection)).as(collection).isEqualTo(indexes(mongo.getDb(), collection));
        }
    }

    @Test
    void aTruncatedFileIsRefusedBeforeAnythingIsWritten() throws IOException {
        signUp();
        MongoDumpFormat.dump(mongo.getDb(), dumps);
        Path users = dumps.resolve(mongo.getDb().getName()).resolve("users.bson");
        byte[] bytes = Files.readAllBytes(users);
        Files.write(users, java.util.Arrays.copyOf(bytes, bytes.length - 7));

        assertThatThrownBy(() -> MongoDumpFormat.restore(fresh, dumps, false))
                .isInstanceOf(MongoDumpFormat.DumpException.class)
                .hasMessageContaining("users.bson is truncated");
        assertThat(fresh.listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    @Test
    void aDocumentDamagedInsideItsLengthIsRefusedBeforeAnythingIsDropped() throws IOException {
        signUp();
        MongoDumpFormat.dump(mongo.getDb(), dumps);
        fresh.getCollection("users").insertOne(new org.bson.Document("email", "kept@here.org"));
        Path users = dumps.resolve(mongo.getDb().getName()).resolve("users.bson");
        byte[] bytes = Files.readAllBytes(users);
        bytes[4] = (byte) 0x20; // the first field's type: no such BSON type
        Files.write(users, bytes);

        assertThatThrownBy(() -> MongoDumpFormat.restore(fresh, dumps, true))
                .isInstanceOf(MongoDumpFormat.DumpException.class)
                .hasMessageContaining("users.bson is damaged");
        assertThat(fresh.getCollection("users").countDocuments()).isEqualTo(1);
    }

    @Test
    void aRestoreNeverOverwritesDataUnlessAskedTo() {
        signUp();
        MongoDumpFormat.dump(mongo.getDb(), dumps);
        fresh.getCollection("users").insertOne(new org.bson.Document("email", "already@here.org"));

        assertThatThrownBy(() -> MongoDumpFormat.restore(fresh, dumps, false))
                .isInstanceOf(MongoDumpFormat.DumpException.class)
                .hasMessageContaining("already hold documents: [users]");
        assertThat(fresh.getCollection("users").countDocuments()).isEqualTo(1);

        MongoDumpFormat.restore(fresh, dumps, true);
        assertThat(documents(fresh, "users")).isEqualTo(documents(mongo.getDb(), "users"));
    }

    @Test
    void anEmptyDatabaseHasNothingToDump() {
        assertThatThrownBy(() -> MongoDumpFormat.dump(fresh, dumps))
                .isInstanceOf(MongoDumpFormat.DumpException.class)
                .hasMessageContaining("nothing to dump");
    }

    private static List<BsonDocument> documents(MongoDatabase database, String collection) {
        List<BsonDocument> documents = new ArrayList<>();
        database.getCollection(collection, BsonDocument.class).find().into(documents);
        documents.sort(Comparator.comparing(document -> document.get("_id").toString()));
        return documents;
    }

    /** Name to key and uniqueness of each index. */
    private static Map<String, String> indexes(MongoDatabase database, String collection) {
        Map<String, String> indexes = new TreeMap<>();
        database.getCollection(collection)
                .listIndexes(BsonDocument.class)
                .forEach(index -> indexes.put(
                        index.getString("name").getValue(),
                        index.getDocument("key").toJson() + " unique="
                                + index.getBoolean("unique", org.bson.BsonBoolean.FALSE)
                                        .getValue()));
        return indexes;
    }
}
