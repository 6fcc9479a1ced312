package app.brainbuddy.auth;

import app.brainbuddy.RealMongoDb;

/** {@link AuthTests} against a real MongoDB, where Docker is available. */
class AuthOnMongoDbTests extends AuthTests implements RealMongoDb {}
