package app.brainbuddy.startup;

import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A configured key (the JWT signing key, the model keyset) that cannot be read or parsed. The
 * description names the setting, never the key's content: parsers quote what they could not read.
 */
class KeyUnreadable implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String bean = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BeanCreationException creation && creation.getBeanName() != null) {
                bean = creation.getBeanName();
            }
            String setting = bean == null ? null : setting(bean);
            if (setting == null) {
                continue;
            }
            if (cause instanceof UncheckedIOException) {
                return new FailureAnalysis(
                        "The key in " + setting + " cannot be read: " + cause.getMessage() + ".",
                        "Point " + setting + " at a readable file (file:/path/...), or leave it unset to use a "
                                + "development key.",
                        cause);
            }
            if (cause instanceof ParseException || cause instanceof GeneralSecurityException) {
                return new FailureAnalysis(
                        "The key in " + setting + " is not a valid key.",
                        "Give " + setting + " the key in the form the README's configuration table describes, "
                                + "or leave it unset to use a development key.",
                        cause);
            }
        }
        return null;
    }

    /** The settings each key bean reads. */
    private static String setting(String bean) {
        String lower = bean.toLowerCase();
        if (lower.contains("signingkey") || lower.contains("jwt")) {
            return "brainbuddy.security.jwt.jwk / private-key / public-key";
        }
        if (lower.contains("cipher") || lower.contains("keyset")) {
            return "brainbuddy.model.keyset / keyset-file";
        }
        return null;
    }
}
