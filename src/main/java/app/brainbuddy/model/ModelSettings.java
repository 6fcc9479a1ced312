package app.brainbuddy.model;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The personal model's settings: the Tink keyset that encrypts the weights, as JSON
 * ({@code BRAINBUDDY_MODEL_KEYSET}) or a file; without either a development keyset is generated at
 * each start. {@code adaptiveAfter} is the number of ratings after which a model turns adaptive;
 * {@code halfLife} the number of newer ratings after which a rating counts half.
 */
@ConfigurationProperties("brainbuddy.model")
record ModelSettings(
        @Nullable String keyset,
        @Nullable Resource keysetFile,
        @DefaultValue("20") int adaptiveAfter,
        @DefaultValue("60") double halfLife) {

    /**
     * How much a rating's weight keeps when one more rating comes: {@code 2^(-1/halfLife)}, so a rating
     * {@code halfLife} ratings old counts half.
     */
    double keep() {
        return Math.pow(2, -1 / halfLife);
    }

    /** The phase of a model that has learned this many ratings: the one place the phase is decided. */
    ModelPhase phaseAfter(long trainingSteps) {
        return trainingSteps >= adaptiveAfter ? ModelPhase.ADAPTIVE : ModelPhase.DEVELOPMENTAL;
    }
}
