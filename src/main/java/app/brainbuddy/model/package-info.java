@NullMarked
package app.brainbuddy.model;

import org.jspecify.annotations.NullMarked;
