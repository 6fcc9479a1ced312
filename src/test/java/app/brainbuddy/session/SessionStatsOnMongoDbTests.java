package app.brainbuddy.session;

import app.brainbuddy.RealMongoDb;

/** {@link SessionStatsTests} against a real MongoDB, where Docker is available. */
class SessionStatsOnMongoDbTests extends SessionStatsTests implements RealMongoDb {}
