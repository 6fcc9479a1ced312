package app.brainbuddy.live;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;

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
            GraphQlCorsProperties cors,
            ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers,
            Connections connections) {
        return new LiveWebSocketHandler(
                handler,
                json(customizers),
                properties.getWebsocket().getConnectionInitTimeout(),
                properties.getWebsocket().getKeepAlive(),
                cors.toCorsConfiguration(),
                connections);
    }

    /** The server's JSON converter, as Boot configures it for Spring MVC (as Boot's own handler finds it). */
    @SuppressWarnings("unchecked")
    private static HttpMessageConverter<Object> json(
            ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers) {
        HttpMessageConverters.ServerBuilder builder = HttpMessageConverters.forServer();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        for (HttpMessageConverter<?> converter : builder.build()) {
            if (converter.canRead(Map.class, MediaType.APPLICATION_JSON)) {
                return (HttpMessageConverter<Object>) converter;
            }
        }
        throw new IllegalStateException("No JSON converter");
    }
}
