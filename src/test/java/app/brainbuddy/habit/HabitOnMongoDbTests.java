package app.brainbuddy.habit;

import app.brainbuddy.RealMongoDb;

/** {@link HabitTests} against a real MongoDB, where Docker is available. */
class HabitOnMongoDbTests extends HabitTests implements RealMongoDb {}
