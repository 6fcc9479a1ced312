package app.brainbuddy.knowledge;

import app.brainbuddy.RealMongoDb;

/** {@link KnowledgeTests} against a real MongoDB, where Docker is available. */
class KnowledgeOnMongoDbTests extends KnowledgeTests implements RealMongoDb {}
