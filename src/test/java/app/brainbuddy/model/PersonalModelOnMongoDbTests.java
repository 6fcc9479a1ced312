package app.brainbuddy.model;

import app.brainbuddy.RealMongoDb;

/** {@link PersonalModelTests} against a real MongoDB, where Docker is available. */
class PersonalModelOnMongoDbTests extends PersonalModelTests implements RealMongoDb {}
