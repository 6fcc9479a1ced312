package app.brainbuddy.live;

import app.brainbuddy.RealMongoDb;

/**
 * {@link SubscriptionTests} against a real MongoDB, where Docker is available: the container is a
 * one-node replica set, so the events travel through change streams.
 */
class SubscriptionOnMongoDbTests extends SubscriptionTests implements RealMongoDb {}
