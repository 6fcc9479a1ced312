@NullMarked
package app.brainbuddy.account;

import org.jspecify.annotations.NullMarked;
