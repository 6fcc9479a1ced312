@NullMarked
package app.brainbuddy.auth;

import org.jspecify.annotations.NullMarked;
