package app.brainbuddy.operations;

import app.brainbuddy.RealMongoDb;

/** {@link OperationsTests} against a real MongoDB, where Docker is available. */
class OperationsOnMongoDbTests extends OperationsTests implements RealMongoDb {}
