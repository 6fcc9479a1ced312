package app.brainbuddy.mongo;

import app.brainbuddy.RealMongoDb;

/** {@link DataModelTests} against a real MongoDB, where Docker is available. */
class DataModelOnMongoDbTests extends DataModelTests implements RealMongoDb {}
