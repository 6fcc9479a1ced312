package app.brainbuddy.auth;

import app.brainbuddy.RealMongoDb;

/** {@link RateLimitTests} against a real MongoDB, where Docker is available. */
class RateLimitOnMongoDbTests extends RateLimitTests implements RealMongoDb {}
