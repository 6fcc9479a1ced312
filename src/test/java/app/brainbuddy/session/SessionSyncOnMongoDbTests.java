package app.brainbuddy.session;

import app.brainbuddy.RealMongoDb;

/** {@link SessionSyncTests} against a real MongoDB, where Docker is available. */
class SessionSyncOnMongoDbTests extends SessionSyncTests implements RealMongoDb {}
