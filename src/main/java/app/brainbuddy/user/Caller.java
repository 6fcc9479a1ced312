package app.brainbuddy.user;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as established from a verified token and the account it names, loaded once per
 * request: the user, whether they are an administrator, and for an integration token the scopes it
 * was granted (null for the user's own tokens).
 */
public record Caller(User user, boolean admin, @Nullable Set<Scope> integrationScopes) {

    public boolean isIntegration() {
        return integrationScopes != null;
    }
}
