@NullMarked
package app.brainbuddy.session;

import org.jspecify.annotations.NullMarked;
