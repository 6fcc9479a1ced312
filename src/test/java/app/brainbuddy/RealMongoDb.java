package app.brainbuddy;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Implemented by an integration test class to run the same tests against a real MongoDB in Docker
 * instead of the embedded server; skipped where Docker is not available. The container is shared by
 * all such classes, and so is their application context.
 */
@Testcontainers(disabledWithoutDocker = true)
public interface RealMongoDb {

    @Container
    @ServiceConnection
    MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
}
