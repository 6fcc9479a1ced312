package app.brainbuddy.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTests {

    @TempDir
    Path folder;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() {
        var settings =
                new MongoSettings.Embedded(MongoSettings.Storage.FILE, folder.resolve("nested/db.mv.db"), 0, true);
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
        var settings = new MongoSettings.Embedded(MongoSettings.Storage.MEMORY, folder.resolve("unused"), 0, false);
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
        var settings = new MongoSettings.Embedded(MongoSettings.Storage.MEMORY, folder.resolve("unused"), 0, false);
        try (var server = new EmbeddedMongoServer(settings)) {
            assertThat(server.connectionString("brain_buddy").getHosts())
                    .singleElement()
                    .asString()
                    .startsWith("127.0.0.1:");
        }
    }

    @Test
    void aConnectionThatIsNotThisProcesssDriverIsRefusedEveryCommand() {
        var settings = new MongoSettings.Embedded(MongoSettings.Storage.MEMORY, folder.resolve("unused"), 0, false);
        try (var server = new EmbeddedMongoServer(settings);
                MongoClient own = MongoClients.create(server.connectionString("brain_buddy"))) {
            own.getDatabase("brain_buddy").getCollection("users").insertOne(new Document("email", "own@example.org"));
            String address = server.connectionString("brain_buddy").getHosts().get(0);
            for (String foreign : new String[] {"mongodb://" + address, "mongodb://" + address + "/?appName=guess"}) {
                try (MongoClient stranger = MongoClients.create(new ConnectionString(foreign))) {
                    var users = stranger.getDatabase("brain_buddy").getCollection("users");
                    assertThatThrownBy(() -> users.find().first())
                            .isInstanceOf(MongoCommandException.class)
                            .hasMessageContaining("serves only the process that started it");
                    assertThatThrownBy(() -> users.insertOne(new Document("email", "stranger@example.org")))
                            .hasMessageContaining("serves only the process that started it");
                }
            }
            assertThat(own.getDatabase("brain_buddy").getCollection("users").countDocuments())
                    .isOne();
        }
    }

    @Test
    void aDeletedDocumentIsGoneFromTheFileBytesAfterARestart() throws Exception {
        Path file = folder.resolve("db.mv.db");
        var settings = new MongoSettings.Embedded(MongoSettings.Storage.FILE, file, 0, true);
        String email = "erased-" + System.nanoTime() + "@example.org";
        try (var server = new EmbeddedMongoServer(settings);
                MongoClient client = MongoClients.create(server.connectionString("brain_buddy"))) {
            var users = client.getDatabase("brain_buddy").getCollection("users");
            users.insertOne(new Document("email", email));
            users.insertOne(new Document("email", "kept@example.org"));
            assertThat(fileHolds(file, email))
                    .as("the baseline: the file holds the email")
                    .isTrue();
            users.deleteOne(new Document("email", email));
        }
        assertThat(fileHolds(file, email))
                .as("dead chunks keep it until the next start")
                .isTrue();

        try (var server = new EmbeddedMongoServer(settings);
                MongoClient client = MongoClients.create(server.connectionString("brain_buddy"))) {
            assertThat(client.getDatabase("brain_buddy").getCollection("users").countDocuments())
                    .isOne();
        }
        assertThat(fileHolds(file, email)).isFalse();
        assertThat(fileHolds(file, "kept@example.org")).isTrue();
    }

    private static boolean fileHolds(Path file, String text) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    }
}
