package app.brainbuddy.auth;

import app.brainbuddy.RealMongoDb;

/** {@link AccessMatrixTests} against a real MongoDB, where Docker is available. */
class AccessMatrixOnMongoDbTests extends AccessMatrixTests implements RealMongoDb {}
