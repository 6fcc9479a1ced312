package app.brainbuddy.user;

import app.brainbuddy.graphql.ApiException;
import java.util.Optional;
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

    /**
     * The account of this user as this request loaded it, when the request is theirs (their own token or one of
     * their integrations'); empty otherwise (another caller, no request), and then the caller reads it itself.
     */
    public Optional<User> ownAccount(String userId) {
        Caller caller = signedIn();
        return caller != null && caller.user().id().equals(userId) ? Optional.of(caller.user()) : Optional.empty();
    }

    public boolean isAdmin() {
        return caller().admin();
    }

    public void requireAdmin() {
        requireAdmin(caller());
    }

    /** For writes and account matters: the user's own token; integration tokens are read-only. */
    public String requireAccount() {
        return requireAccount(caller());
    }

    public static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw ApiException.forbidden("This operation is for administrators");
        }
    }

    public static String requireAccount(Caller caller) {
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
        requireShared(caller, scope);
        return caller.user().id();
    }

    /**
     * For data reached through a parent that was already authorised (a user's sessions, say):
     * only an integration token can be refused here, when it may not read this kind of data. A
     * caller without a token gets here only through the user that {@code register} or
     * {@code login} just returned to them, which is theirs: the schema's access rules (auth's
     * AccessRules) hold that for every field.
     */
    public void requireSharedWithIntegration(Scope scope) {
        Caller signedIn = signedIn();
        if (signedIn != null) {
            requireShared(signedIn, scope);
        }
    }

    /** An integration token must carry the scope, and its user's privacy settings must share it. */
    public static void requireShared(Caller caller, Scope scope) {
        Set<Scope> scopes = caller.integrationScopes();
        if (scopes != null && !(scopes.contains(scope) && scope.sharedBy(caller.user()))) {
            throw ApiException.forbidden("This integration token may not read this: it needs the scope " + scope.claim()
                    + " and the user's privacy settings must share it");
        }
    }

    private static Caller caller() {
        return requireSignedIn(signedIn());
    }

    public static Caller requireSignedIn(@Nullable Caller caller) {
        if (caller == null) {
            throw ApiException.unauthorized("Sign in: this operation needs a valid bearer token");
        }
        return caller;
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
