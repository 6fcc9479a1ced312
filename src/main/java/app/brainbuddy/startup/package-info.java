/**
 * What a person can get wrong when starting the server (a second server on the same data folder, a
 * port in use, a bad {@code MONGODB_URL}, an unreadable key), each turned by a Spring Boot {@code
 * FailureAnalyzer} into one short block that names the cause and the fix; the stack trace is logged
 * at debug level only.
 */
@NullMarked
package app.brainbuddy.startup;

import org.jspecify.annotations.NullMarked;
