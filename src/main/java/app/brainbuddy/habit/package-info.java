@NullMarked
package app.brainbuddy.habit;

import org.jspecify.annotations.NullMarked;
