package app.brainbuddy.auth;

import app.brainbuddy.user.Caller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a bearer token whose account exists and whose grant is still active. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Jwt token;

    CallerAuthentication(Caller caller, Jwt token) {
        super(List.of(new SimpleGrantedAuthority(caller.admin() ? "ROLE_ADMIN" : "ROLE_USER")));
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.user().id();
    }
}
