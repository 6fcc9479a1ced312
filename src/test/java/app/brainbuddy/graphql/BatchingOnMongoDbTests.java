package app.brainbuddy.graphql;

import app.brainbuddy.RealMongoDb;

/** {@link BatchingTests} against a real MongoDB, where Docker is available. */
class BatchingOnMongoDbTests extends BatchingTests implements RealMongoDb {

    /** On MongoDB, an aggregation over the users whose {@code $lookup} walks the index for each. */
    @Override
    protected String sessionPagesCommand() {
        return "aggregate users";
    }
}
