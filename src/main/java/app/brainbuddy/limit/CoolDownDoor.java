package app.brainbuddy.limit;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.HttpErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing a GraphQL request over HTTP meets: a bearer token cooling down ({@link CoolDowns})
 * is answered 429 with a {@code Retry-After} here, before the body is read, the token verified, the
 * account read or the document parsed. The answer waits {@code answer-delay} first (at most
 * {@value #HELD} answers wait at once, on threads that sleep), so that a client retrying in a tight
 * loop gets one refusal per delay instead of as many as the CPU can make.
 */
@Configuration(proxyBeanMethods = false)
class CoolDownDoor {

    static final int HELD = 64;

    @Bean
    FilterRegistrationBean<Door> door(
            CoolDowns coolDowns, CoolDownSettings settings, HttpErrors errors, MeterRegistry meters) {
        FilterRegistrationBean<Door> registration = new FilterRegistrationBean<>(new Door(
                coolDowns,
                settings,
                errors,
                Counter.builder("brainbuddy.cool-down.refused")
                        .description("Requests refused at the door because their token was cooling down")
                        .register(meters)));
        registration.addUrlPatterns("/graphql");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class Door extends OncePerRequestFilter {

        private final CoolDowns coolDowns;
        private final CoolDownSettings settings;
        private final HttpErrors errors;
        private final Counter refused;
        private final Semaphore held = new Semaphore(HELD);

        Door(CoolDowns coolDowns, CoolDownSettings settings, HttpErrors errors, Counter refused) {
            this.coolDowns = coolDowns;
            this.settings = settings;
            this.errors = errors;
            this.refused = refused;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String token = CoolDowns.token(request.getHeader(HttpHeaders.AUTHORIZATION));
            long millis = token == null ? 0 : coolDowns.remaining(token);
            if (millis == 0) {
                chain.doFilter(request, response);
                return;
            }
            refused.increment();
            pause(Math.min(millis, settings.answerDelay().toMillis()));
            long seconds = Math.max(1, (coolDowns.remaining(token) + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            errors.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    ErrorType.FORBIDDEN,
                    ("This token's requests were refused %d times within %d s, so it is refused for %d s "
                                    + "(brainbuddy.cool-down); try again in %d %s")
                            .formatted(
                                    settings.refusals(),
                                    settings.window().toSeconds(),
                                    settings.length().toSeconds(),
                                    seconds,
                                    seconds == 1 ? "second" : "seconds"),
                    Map.of(ApiException.RETRY_AFTER_SECONDS, seconds));
        }

        private void pause(long millis) {
            if (millis > 0 && held.tryAcquire()) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.release();
                }
            }
        }
    }
}
