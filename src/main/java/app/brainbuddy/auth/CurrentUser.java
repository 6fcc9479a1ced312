package app.brainbuddy.auth;

import app.brainbuddy.graphql.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Who is calling: the subject of the request's verified bearer token, and whether it is an admin. */
@Component
public class CurrentUser {

    public String id() {
        return token().getName();
    }

    public boolean isAdmin() {
        return token().getAuthorities().stream().anyMatch(authority -> Roles.ADMIN.equals(authority.getAuthority()));
    }

    /** Refuses non-admins as if the operation did not exist for them. */
    public void requireAdmin() {
        if (!isAdmin()) {
            throw ApiException.forbidden("This operation is for administrators");
        }
    }

    private static JwtAuthenticationToken token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return token;
        }
        throw ApiException.unauthorized("Sign in: this operation needs a valid bearer token");
    }
}
