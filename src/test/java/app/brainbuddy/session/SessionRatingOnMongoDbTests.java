package app.brainbuddy.session;

import app.brainbuddy.RealMongoDb;

/** {@link SessionRatingTests} against a real MongoDB, where Docker is available. */
class SessionRatingOnMongoDbTests extends SessionRatingTests implements RealMongoDb {}
