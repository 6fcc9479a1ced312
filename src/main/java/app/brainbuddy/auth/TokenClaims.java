package app.brainbuddy.auth;

/** Claims of this server's tokens beyond the registered ones. */
final class TokenClaims {

    /** {@code integration} on integration tokens; absent on a user's own tokens. */
    static final String TOKEN_USE = "token_use";

    static final String INTEGRATION = "integration";

    /**
     * Space-separated scopes, as in OAuth 2.0, for the integration's own information. The server
     * never reads it: the scopes that count are those of the stored grant, which the user can revoke.
     */
    static final String SCOPE = "scope";

    private TokenClaims() {}
}
