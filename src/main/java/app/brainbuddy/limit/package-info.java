/**
 * What one person may store or do, counted where every replica sees it: fixed-window counters in
 * MongoDB's {@code limit_counters} collection, plus a per-instance bulkhead on requests in flight.
 */
@NullMarked
package app.brainbuddy.limit;

import org.jspecify.annotations.NullMarked;
