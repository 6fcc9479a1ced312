package app.brainbuddy.limit;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Graceful shutdown waits {@code spring.lifecycle.timeout-per-shutdown-phase} for requests in flight;
 * after that nothing should wait for them. On a JDK without virtual threads Tomcat's worker pool then
 * waits another 5 s (its default) for threads still busy, which a CPU-bound request never leaves:
 * that wait is cut to {@value #AFTER_GRACE_MILLIS} ms. On virtual threads there is no pool to wait for.
 */
@Configuration(proxyBeanMethods = false)
class ShutdownBound {

    static final long AFTER_GRACE_MILLIS = 500;

    @Bean
    TomcatConnectorCustomizer workerPoolStopsWithoutWaiting() {
        return connector ->
                connector.setProperty("executorTerminationTimeoutMillis", String.valueOf(AFTER_GRACE_MILLIS));
    }
}
