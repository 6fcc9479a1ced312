/**
 * The server's secret keys: the JWT signing key and the Tink keyset that encrypts personal models. Making them
 * ({@code --generate-keys}, {@code --rotate-model-key}), and in development keeping generated ones in the data folder
 * so that a restart keeps tokens valid and models readable.
 */
@NullMarked
package app.brainbuddy.keys;

import org.jspecify.annotations.NullMarked;
