@NullMarked
package app.brainbuddy.graphql;

import org.jspecify.annotations.NullMarked;
