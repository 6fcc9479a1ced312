package app.brainbuddy.auth;

import app.brainbuddy.live.Connections;
import app.brainbuddy.live.SubscriptionSlots;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Signs graphql-ws connections in: a browser cannot set headers on a WebSocket, so the bearer token
 * comes in {@code connection_init}'s payload as {@code {"Authorization": "Bearer <token>"}}. It is
 * verified as on HTTP, once per connection; a missing or refused token, or a person over their
 * connection limit, closes the connection with a code and a reason. Each operation on the connection
 * then runs as that caller: first, before the other interceptors, so that they see it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebSocketSignIn implements WebSocketGraphQlInterceptor {

    private static final String SIGNED_IN = WebSocketSignIn.class.getName() + ".signedIn";
    private static final String BEARER = "Bearer ";

    private final BearerTokens tokens;
    private final Connections connections;

    WebSocketSignIn(BearerTokens tokens, Connections connections) {
        this.tokens = tokens;
        this.connections = connections;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        String authorization = authorization(payload);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(
                    info,
                    Connections.UNAUTHORIZED,
                    "Sign in: connection_init's payload needs {\"Authorization\": \"Bearer <token>\"}");
        }
        CallerAuthentication caller;
        try {
            caller = (CallerAuthentication) tokens.manager()
                    .authenticate(new BearerTokenAuthenticationToken(
                            authorization.substring(BEARER.length()).strip()));
        } catch (AuthenticationException refused) {
            return refuse(
                    info, Connections.UNAUTHORIZED, "The bearer token is invalid, expired or revoked; log in again");
        } catch (DataAccessException unavailable) {
            return refuse(info, 1011, "The database is unavailable; connect again in a moment");
        }
        Instant expiresAt = caller.getCredentials().getExpiresAt();
        if (!connections.signedIn(info.getId(), caller.getName(), expiresAt)) {
            return Mono.error(new IllegalStateException("over the connection limit"));
        }
        info.getAttributes().put(SIGNED_IN, new SecurityContextImpl(caller));
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest webSocket)
                || !(webSocket.getSessionInfo().getAttributes().get(SIGNED_IN) instanceof SecurityContext signedIn)) {
            return chain.next(request);
        }
        String connectionId = webSocket.getSessionInfo().getId();
        request.configureExecutionInput(
                (input, builder) -> builder.graphQLContext(Map.of(SubscriptionSlots.CONNECTION, connectionId))
                        .build());
        Mono<WebGraphQlResponse> next = asCaller(signedIn, () -> chain.next(request));
        // the rest runs when the handler subscribes, still on its thread: as the caller too; and the
        // Reactor context carries the caller to the data fetchers of every event
        Publisher<WebGraphQlResponse> running = subscriber -> asCaller(signedIn, () -> {
            next.subscribe(subscriber);
            return next;
        });
        // fromDirect: Mono.from would cancel the execution after its one answer, and with it the subscription
        return Mono.fromDirect(running).contextWrite(Context.of(SecurityContext.class.getName(), signedIn));
    }

    private static <T> T asCaller(SecurityContext signedIn, java.util.function.Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(signedIn);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private Mono<Object> refuse(WebSocketSessionInfo info, int code, String reason) {
        connections.close(info.getId(), code, reason);
        return Mono.error(new IllegalStateException(reason));
    }

    private static @Nullable String authorization(Map<String, Object> payload) {
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("Authorization") && entry.getValue() instanceof String value) {
                return value;
            }
        }
        return null;
    }
}
