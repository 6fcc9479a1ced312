/**
 * Log lines that an attacker cannot forge: user text reaches the log only through the escaping
 * converters configured in {@code logback-spring.xml}.
 */
@NullMarked
package app.brainbuddy.logging;

import org.jspecify.annotations.NullMarked;
