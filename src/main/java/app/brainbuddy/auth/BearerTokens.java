package app.brainbuddy.auth;

import org.springframework.security.authentication.AuthenticationManager;

/** Verifies a bearer token and loads its caller: a {@link CallerAuthentication}, or an AuthenticationException. */
record BearerTokens(AuthenticationManager manager) {}
