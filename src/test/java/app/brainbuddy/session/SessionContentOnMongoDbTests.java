package app.brainbuddy.session;

import app.brainbuddy.RealMongoDb;

/** {@link SessionContentTests} against a real MongoDB, where Docker is available. */
class SessionContentOnMongoDbTests extends SessionContentTests implements RealMongoDb {}
