@NullMarked
package app.brainbuddy.user;

import org.jspecify.annotations.NullMarked;
