package app.brainbuddy.graphql;

import app.brainbuddy.RealMongoDb;

/** {@link BatchingTests} against a real MongoDB, where Docker is available. */
class BatchingOnMongoDbTests extends BatchingTests implements RealMongoDb {}
