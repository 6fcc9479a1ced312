@NullMarked
package app.brainbuddy.mongo;

import org.jspecify.annotations.NullMarked;
