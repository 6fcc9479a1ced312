package app.brainbuddy.model;

import app.brainbuddy.RealMongoDb;

/** {@link ModelTrainingTests} against a real MongoDB, where Docker is available. */
class ModelTrainingOnMongoDbTests extends ModelTrainingTests implements RealMongoDb {}
