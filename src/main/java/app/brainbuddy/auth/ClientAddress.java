package app.brainbuddy.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the client's IP address into the GraphQL context, where controllers read it with
 * {@code @ContextValue(ClientAddress.NAME)}; the context travels with the request to whichever
 * thread runs a data fetcher. The address is the servlet request's remote address: behind a proxy
 * or load balancer that is the proxy's, unless {@code server.forward-headers-strategy} is set to
 * trust its {@code X-Forwarded-For} (only safe where clients cannot reach the server directly).
 */
@Component
class ClientAddress implements WebGraphQlInterceptor {

    static final String NAME = "clientAddress";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        if (address != null) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(NAME, address)).build());
        }
        return chain.next(request);
    }
}
