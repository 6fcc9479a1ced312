package app.brainbuddy.habit;

import app.brainbuddy.RealMongoDb;

/** {@link HabitAttemptTests} against a real MongoDB, where Docker is available. */
class HabitAttemptOnMongoDbTests extends HabitAttemptTests implements RealMongoDb {}
