package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.graphql.data.method.HandlerMethod;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * What Spring for GraphQL does on JDK 21 and later with Spring Boot's virtual-thread executor (every
 * controller method returning a plain value is handed to a new thread), undone: the suite runs on
 * JDK 17, where Spring for GraphQL hands nothing to another thread anyway, so the hand-off is set
 * up here by hand.
 */
class ControllersOnRequestThreadTests {

    private static final class Configurer extends AnnotatedControllerConfigurer {
        boolean handsOff(HandlerMethod method) {
            return shouldInvokeAsync(method);
        }
    }

    @Test
    void controllerMethodsReturningPlainValuesStayOnTheRequestThread() throws NoSuchMethodException {
        Configurer configurer = new Configurer();
        configurer.setExecutor(new SimpleAsyncTaskExecutor());
        configurer.setBlockingMethodPredicate(method -> true);
        HandlerMethod plainValue = new HandlerMethod(new Object(), Object.class.getMethod("toString"));
        assertThat(configurer.handsOff(plainValue)).as("handed off before").isTrue();

        ControllersOnRequestThread.controllerMethodsOnRequestThread()
                .postProcessBeforeInitialization(configurer, "annotatedControllerConfigurer");

        assertThat(configurer.handsOff(plainValue)).as("handed off after").isFalse();
    }
}
