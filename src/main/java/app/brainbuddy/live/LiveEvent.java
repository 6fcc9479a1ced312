package app.brainbuddy.live;

/**
 * One change of one person's data, as a subscriber receives it: whose, what about, and the changed
 * value as stored (the type is the topic's feature's own).
 */
public record LiveEvent(String userId, Topic topic, Object payload) {}
