package app.brainbuddy.graphql;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * Controller methods run on the request's own thread, never handed to another.
 *
 * <p>On JDK 21 and later, with virtual threads on, Spring Boot gives Spring for GraphQL the
 * application's virtual-thread executor, and Spring for GraphQL then starts a new thread for every
 * call of a controller method that returns a plain value (a query, a mutation, a
 * {@code @BatchMapping}); on JDK 17 it never does. The request's thread is itself virtual, so
 * blocking on it costs nothing, and the hand-off did: a thread per call, and an answer not ready when
 * the HTTP handler returns, which the servlet then finishes in a second, asynchronous dispatch through
 * the filter chain. Kept on the request's thread, the application works the same on every JDK, as the
 * test suite (JDK 17) sees it (docs/benchmarks.md, "Controllers on the request thread").
 */
@Configuration(proxyBeanMethods = false)
class ControllersOnRequestThread {

    @Bean
    static BeanPostProcessor controllerMethodsOnRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer configurer) {
                    configurer.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }
}
