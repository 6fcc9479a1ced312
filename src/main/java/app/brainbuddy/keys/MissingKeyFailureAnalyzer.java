package app.brainbuddy.keys;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused start for want of keys ends with the one line that says what to do, not a stack of bean errors. */
class MissingKeyFailureAnalyzer extends AbstractFailureAnalyzer<DevelopmentKeys.MissingKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DevelopmentKeys.MissingKeyException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Configure BRAINBUDDY_SECURITY_JWT_JWK and BRAINBUDDY_MODEL_KEYSET as --generate-keys prints (README, Docker).",
                cause);
    }
}
