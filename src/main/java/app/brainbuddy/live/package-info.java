/**
 * Live updates: what the subscriptions of the schema deliver, and the limits on them. A feature
 * announces a change of a person's data through {@link app.brainbuddy.live.LiveEvents}; its
 * subscription field reads the person's events back. Shared by the features like graphql/ and
 * mongo/, so it knows none of them.
 */
@NullMarked
package app.brainbuddy.live;

import org.jspecify.annotations.NullMarked;
