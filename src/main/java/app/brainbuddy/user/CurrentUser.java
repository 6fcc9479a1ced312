package app.brainbuddy.user;

import app.brainbuddy.graphql.ApiException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The access rules every service applies to the caller, each in one place: signed in, account
 * (not an integration), administrator, or allowed to read a kind of data.
 */
@Component
public class CurrentUser {

    /** The caller's user id; any valid token will do. */
    public String id() {
        return caller().user().id();
    }

    /** The caller's account as loaded for this request. */
    public User user() {
        return caller().user();
    }

    public boolean isAdmin() {
        return caller().admin();
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw ApiException.forbidden("This operation is for administrators");
        }
    }

    /** For writes and account matters: the user's own token; integration tokens are read-only. */
    public String requireAccount() {
        Caller caller = caller();
        if (caller.isIntegration()) {
            throw ApiException.forbidden("Integration tokens are read-only and cannot do this");
        }
        return caller.user().id();
    }

    /** For what anyone may do but an integration, such as signing up or logging in. */
    public void refuseIntegrationTokens() {
        if (signedIn() != null) {
            requireAccount();
        }
    }

    /**
     * For reading a kind of data at the root of a query: the user's own token, or an integration
     * token allowed to read it. Answers the caller's user id.
     */
    public String requireShared(Scope scope) {
        Caller caller = caller();
        checkIntegration(caller, scope);
        return caller.user().id();
    }

    /**
     * For data reached through a parent that was already authorised (a user's sessions, say):
     * only an integration token can be refused here, when it may not read this kind of data. A
     * caller without a token gets here only through the user that {@code register} or
     * {@code login} just returned to them, which is theirs.
     */
    public void requireSharedWithIntegration(Scope scope) {
        Caller signedIn = signedIn();
        if (signedIn != null) {
            checkIntegration(signedIn, scope);
        }
    }

    private static void checkIntegration(Caller caller, Scope scope) {
        Set<Scope> scopes = caller.integrationScopes();
        if (scopes != null && !(scopes.contains(scope) && scope.sharedBy(caller.user()))) {
            throw ApiException.forbidden("This integration token may not read this: it needs the scope " + scope.claim()
                    + " and the user's privacy settings must share it");
        }
    }

    private static Caller caller() {
        Caller signedIn = signedIn();
        if (signedIn == null) {
            throw ApiException.unauthorized("Sign in: this operation needs a valid bearer token");
        }
        return signedIn;
    }

    /** The caller of this request, or null without a valid token; the auth package puts it there. */
    public static @Nullable Caller signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                        && authentication.isAuthenticated()
                        && authentication.getPrincipal() instanceof Caller caller
                ? caller
                : null;
    }
}
