package app.brainbuddy.live;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * The graphql-ws endpoint ({@code spring.graphql.websocket.path}) with our handler in place of
 * Boot's; Boot still maps it to the path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.graphql.websocket.path")
class LiveWebSocketConfiguration {

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(
            WebGraphQlHandler handler,
            GraphQlProperties properties,
            HttpMessageConverters converters,
            Connections connections) {
        return new LiveWebSocketHandler(
                handler,
                json(converters),
                properties.getWebsocket().getConnectionInitTimeout(),
                properties.getWebsocket().getKeepAlive(),
                connections);
    }

    @SuppressWarnings("unchecked")
    private static HttpMessageConverter<Object> json(HttpMessageConverters converters) {
        return converters.getConverters().stream()
                .filter(converter -> converter.canRead(Map.class, MediaType.APPLICATION_JSON))
                .findFirst()
                .map(converter -> (HttpMessageConverter<Object>) converter)
                .orElseThrow(() -> new IllegalStateException("No JSON converter"));
    }
}
