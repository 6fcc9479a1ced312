package app.brainbuddy.session;

import app.brainbuddy.RealMongoDb;

/** {@link SessionTests} against a real MongoDB, where Docker is available. */
class SessionOnMongoDbTests extends SessionTests implements RealMongoDb {}
