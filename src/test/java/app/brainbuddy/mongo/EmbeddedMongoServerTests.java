package app.brainbuddy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTests {

    @TempDir
    Path folder;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() {
        var settings = new MongoSettings.Embedded(MongoSettings.Storage.FILE, folder.resolve("nested/db.mv.db"), 0);
        try (var server = new EmbeddedMongoServer(settings);
                MongoClient client = MongoClients.create(server.connectionString("brain_buddy"))) {
            client.getDatabase("brain_buddy")
                    .getCollection("users")
                    .insertOne(new Document("email", "kept@example.org"));
        }

        try (var server = new EmbeddedMongoServer(settings);
                MongoClient client = MongoClients.create(server.connectionString("brain_buddy"))) {
            assertThat(client.getDatabase("brain_buddy")
                            .getCollection("users")
                            .find(new Document("email", "kept@example.org"))
                            .first())
                    .isNotNull();
        }
    }

    @Test
    void theMemoryStorageStartsEmptyEachTime() {
        var settings = new MongoSettings.Embedded(MongoSettings.Storage.MEMORY, folder.resolve("unused"), 0);
        for (int start = 0; start < 2; start++) {
            try (var server = new EmbeddedMongoServer(settings);
                    MongoClient client = MongoClients.create(server.connectionString("brain_buddy"))) {
                var users = client.getDatabase("brain_buddy").getCollection("users");
                assertThat(users.countDocuments()).isZero();
                users.insertOne(new Document("email", "gone@example.org"));
            }
        }
        assertThat(folder.resolve("unused")).doesNotExist();
    }

    @Test
    void itListensOnLoopbackOnly() {
        var settings = new MongoSettings.Embedded(MongoSettings.Storage.MEMORY, folder.resolve("unused"), 0);
        try (var server = new EmbeddedMongoServer(settings)) {
            assertThat(server.connectionString("brain_buddy").getHosts())
                    .singleElement()
                    .asString()
                    .startsWith("127.0.0.1:");
        }
    }
}
