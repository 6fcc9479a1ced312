package app.brainbuddy.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Properties;
import java.util.stream.Stream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.mock.env.MockEnvironment;

/**
 * Each start-up mistake a person can make, with the failure the libraries really raise for it
 * (wrapped as bean creation wraps it), ends in a description naming the cause and an action naming
 * the fix, and never repeats a password or key.
 */
class StartupFailuresTests {

    @TempDir
    Path folder;

    @Test
    void aDataFolderInUseByAnotherServerNamesTheOtherServerAndTheWaysOut() {
        String file = folder.resolve("brain-buddy.mv.db").toString();
        try (MVStore first = new MVStore.Builder().fileName(file).open()) {
            Throwable locked =
                    catchThrowable(() -> new MVStore.Builder().fileName(file).open());

            FailureAnalysis analysis = new EmbeddedDatabaseLocked().analyze(inBean("embeddedMongoServer", locked));

            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("in use by another process", file);
            assertThat(analysis.getAction()).contains("Stop the other server", "embedded.path", "storage=memory");
        }
    }

    @Test
    void aTakenPortSaysHowToChooseAnother() {
        FailureAnalysis analysis = new PortInUse().analyze(inBean("webServerStartStop", new PortInUseException(8080)));

        assertThat(analysis.getDescription()).contains("Port 8080 is already in use");
        assertThat(analysis.getAction()).contains("--server.port=8091", "SERVER_PORT");
    }

    @Test
    void aMalformedMongoDbUrlIsNamedWithoutItsPassword() {
        Throwable malformed = catchThrowable(() -> new ConnectionString("mongodb://ana:s3cret@db.example.org:port"));

        FailureAnalysis analysis = new MongoUrlMalformed().analyze(inBean("mongoClient", malformed));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("MONGODB_URL").doesNotContain("s3cret");
        assertThat(analysis.getAction()).contains("mongodb+srv://", "unset it");
    }

    @Test
    void anIllegalArgumentFromElsewhereIsLeftToOtherAnalyzers() {
        assertThat(new MongoUrlMalformed().analyze(inBean("x", new IllegalArgumentException("other"))))
                .isNull();
    }

    @Test
    void anUnreachableMongoDbNamesItsHostsWithoutThePassword() {
        String url = "mongodb://ana:s3cret@127.0.0.1:1/brain_buddy?serverSelectionTimeoutMS=300";
        Throwable timeout;
        try (MongoClient client = MongoClients.create(url)) {
            timeout = catchThrowable(() -> client.getDatabase("brain_buddy").runCommand(new Document("ping", 1)));
        }
        MockEnvironment environment = new MockEnvironment()
                .withProperty("brainbuddy.mongo.url", url)
                .withProperty("brainbuddy.mongo.server-selection-timeout", "300ms");

        FailureAnalysis analysis = new MongoUnreachable(environment).analyze(inBean("mongoIndexes", timeout));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("127.0.0.1:1", "300ms").doesNotContain("s3cret");
        assertThat(analysis.getAction()).contains("unset MONGODB_URL");
    }

    @Test
    void anUnreadableKeyFileNamesTheSetting() {
        UncheckedIOException unreadable = new UncheckedIOException(
                "Cannot read the JWT key file:/nowhere/jwt-private.pem", new IOException("No such file"));

        FailureAnalysis analysis = new KeyUnreadable().analyze(inBean("api", inBean("signingKey", unreadable)));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("brainbuddy.security.jwt", "/nowhere/jwt-private.pem");
        assertThat(analysis.getAction()).contains("readable file");
    }

    @Test
    void anInvalidKeyNamesTheSettingWithoutQuotingTheKey() {
        ParseException invalid = new ParseException("Invalid JSON: {\"d\":\"PRIVATE-PART\"", 0);

        FailureAnalysis analysis = new KeyUnreadable().analyze(inBean("modelCipher", invalid));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains("brainbuddy.model.keyset")
                .doesNotContain("PRIVATE-PART");
    }

    @Test
    void everyAnalyzerIsRegisteredWithSpringBoot() throws IOException {
        Properties factories = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/META-INF/spring.factories"))) {
            factories.load(in);
        }

        assertThat(factories.getProperty(FailureAnalyzer.class.getName()).split(","))
                .contains(Stream.of(
                                EmbeddedDatabaseLocked.class,
                                PortInUse.class,
                                MongoUrlMalformed.class,
                                MongoUnreachable.class,
                                KeyUnreadable.class)
                        .map(Class::getName)
                        .toArray(String[]::new));
    }

    private static BeanCreationException inBean(String bean, Throwable cause) {
        return new BeanCreationException(bean, "Error creating bean", cause);
    }
}
