package app.brainbuddy.auth;

import app.brainbuddy.RealMongoDb;

/** {@link TokenTests} against a real MongoDB, where Docker is available. */
class TokenOnMongoDbTests extends TokenTests implements RealMongoDb {}
