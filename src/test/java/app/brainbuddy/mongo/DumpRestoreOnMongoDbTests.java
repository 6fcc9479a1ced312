package app.brainbuddy.mongo;

import app.brainbuddy.RealMongoDb;

/** {@link DumpRestoreTests} against a real MongoDB, where Docker is available. */
class DumpRestoreOnMongoDbTests extends DumpRestoreTests implements RealMongoDb {}
