@NullMarked
package app.brainbuddy.knowledge;

import org.jspecify.annotations.NullMarked;
