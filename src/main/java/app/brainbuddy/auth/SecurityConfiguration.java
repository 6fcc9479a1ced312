package app.brainbuddy.auth;

import app.brainbuddy.graphql.HttpErrors;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Stateless bearer-token security. {@code /graphql} is open at the HTTP level because sign-up and
 * login happen there; each operation checks the caller in its service. Tokens of this server and of
 * a configured external identity provider are told apart by their issuer; a token that is present
 * but invalid is refused with 401 before GraphQL runs, and one whose account cannot be read because
 * the database is away gets a 503.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * What the browser may load and run: everything from this server only (GraphiQL's assets are in
     * the jar; GraphiQL's editor sets its inline styles through the DOM, which the policy allows),
     * pictures and fonts also as data URIs; no framing, plugins or foreign form targets.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, BearerTokens bearerTokens, HttpErrors errors) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/graphql",
                                "/graphql/schema",
                                "/graphiql",
                                "/graphiql/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/.well-known/jwks.json",
                                // the signed link is the grant: an audio element cannot send a bearer token
                                "/sessions/*/audio",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/error")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .denyAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()))
                .addFilterBefore(new DatabaseOutageFilter(errors), BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request -> bearerTokens.manager())
                        .authenticationEntryPoint(signIn(errors))
                        .accessDeniedHandler(forbidden(errors)))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(signIn(errors)).accessDeniedHandler(forbidden(errors)))
                .build();
    }

    /**
     * Tokens of this server and of a configured external identity provider, told apart by their
     * issuer: for HTTP requests and for graphql-ws connections alike.
     */
    @Bean
    BearerTokens bearerTokens(
            JwtDecoder jwtDecoder, JwtSettings settings, ExternalIssuerSettings external, TokenAccounts accounts) {
        Map<String, AuthenticationManager> issuers = new HashMap<>();
        issuers.put(settings.issuer(), manager(jwtDecoder, accounts::ownToken));
        if (external.issuerUri() != null && !external.issuerUri().isBlank()) {
            issuers.put(external.issuerUri(), manager(externalDecoder(external), accounts::externalToken));
        }
        // the resolver's manager reads the issuer from the token itself; no request is needed to pick it
        return new BearerTokens(new JwtIssuerAuthenticationManagerResolver(issuers::get)
                .resolve((jakarta.servlet.http.HttpServletRequest) null));
    }

    /**
     * Spring Security's observations without the one per filter of the chain (its documented
     * opt-out): a dozen filters each started and stopped an observation on every request, the
     * largest part of the observations' cost in the small requests' profile (docs/benchmarks.md).
     * The request as a whole stays observed (http.server.requests), and so do authentication and
     * authorization.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .build();
    }

    private static AuthenticationManager manager(
            JwtDecoder decoder, Converter<Jwt, AbstractAuthenticationToken> toCaller) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(toCaller);
        return provider::authenticate;
    }

    /**
     * An external provider issues tokens for many applications: only those for this API, naming a
     * subject, are accepted.
     */
    private static JwtDecoder externalDecoder(ExternalIssuerSettings external) {
        if (external.audience() == null || external.audience().isBlank()) {
            throw new IllegalStateException("brainbuddy.security.external.audience must be set with issuer-uri: "
                    + "without it, tokens the provider issued for other applications would be accepted");
        }
        NimbusJwtDecoder decoder = external.jwkSetUri() != null
                        && !external.jwkSetUri().isBlank()
                ? NimbusJwtDecoder.withJwkSetUri(external.jwkSetUri()).build()
                : NimbusJwtDecoder.withIssuerLocation(external.issuerUri()).build();
        decoder.setJwtValidator(SigningKeys.validator(external.issuerUri(), external.audience(), JwtClaimNames.SUB));
        return decoder;
    }

    /**
     * The standard 401 with its WWW-Authenticate header, and a body GraphQL clients can read that
     * says whether a token is missing or was refused.
     */
    private static AuthenticationEntryPoint signIn(HttpErrors errors) {
        BearerTokenAuthenticationEntryPoint standard = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            standard.commence(request, response, exception);
            String message = exception instanceof OAuth2AuthenticationException
                    ? "The bearer token is invalid, expired or revoked; log in again"
                    : "Sign in: this request needs a bearer token";
            errors.write(request, response, HttpStatus.UNAUTHORIZED, ErrorType.UNAUTHORIZED, message);
        };
    }

    /** The standard 403 with its WWW-Authenticate header, and a GraphQL-shaped body. */
    private static AccessDeniedHandler forbidden(HttpErrors errors) {
        BearerTokenAccessDeniedHandler standard = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            standard.handle(request, response, exception);
            errors.write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    ErrorType.FORBIDDEN,
                    "This needs an administrator's bearer token");
        };
    }
}
