package app.brainbuddy.live;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * Spring for GraphQL's graphql-ws handler, with each connection known to {@link Connections}: its
 * message size limited, counted per person once signed in, closed when idle or expired.
 */
class LiveWebSocketHandler extends GraphQlWebSocketHandler {

    private final Connections connections;

    LiveWebSocketHandler(
            WebGraphQlHandler graphQlHandler,
            HttpMessageConverter<Object> converter,
            Duration connectionInitTimeout,
            @Nullable Duration keepAlive,
            @Nullable CorsConfiguration cors,
            Connections connections) {
        super(graphQlHandler, converter, connectionInitTimeout, keepAlive, cors);
        this.connections = connections;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        connections.opened(session);
        super.afterConnectionEstablished(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
        connections.closed(session.getId());
        super.afterConnectionClosed(session, closeStatus);
    }
}
