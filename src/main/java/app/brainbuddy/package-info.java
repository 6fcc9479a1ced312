@NullMarked
package app.brainbuddy;

import org.jspecify.annotations.NullMarked;
