package app.brainbuddy.account;

import app.brainbuddy.RealMongoDb;

/** {@link PrivacyRightsTests} against a real MongoDB, where Docker is available. */
class PrivacyRightsOnMongoDbTests extends PrivacyRightsTests implements RealMongoDb {}
