package app.brainbuddy.mongo;

import app.brainbuddy.RealMongoDb;
import org.junit.jupiter.api.Order;

/** {@link IndexCoverageTests} against a real MongoDB, where Docker is available: also asks explain. */
@Order(Integer.MAX_VALUE)
class IndexCoverageOnMongoDbTests extends IndexCoverageTests implements RealMongoDb {}
