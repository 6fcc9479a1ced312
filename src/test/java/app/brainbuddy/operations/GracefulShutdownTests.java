package app.brainbuddy.operations;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.BrainBuddyApplication;
import jakarta.servlet.Filter;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Shutdown while requests are still running (a body trickling in a byte a second, or CPU-bound work
 * on both carrier threads) ends within the graceful phase's timeout plus the rest of the shutdown, not
 * when the requests end.
 */
class GracefulShutdownTests {

    private static final Duration PHASE = Duration.ofSeconds(2);

    /** Shutdown's own work after the graceful phase (closing the database, the pools), with room for a loaded machine. */
    private static final Duration REST_OF_SHUTDOWN = Duration.ofSeconds(8);

    @Test
    void shutdownEndsWithinItsBoundWhileARequestTrickles() throws Exception {
        ConfigurableApplicationContext server = start(BrainBuddyApplication.class);
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = client.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100000\r\n\r\n{\"query\": \"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // a byte a second keeps the request running past every read timeout, for up to 30 s
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 30; i++) {
                        Thread.sleep(1_000);
                        out.write('a');
                        out.flush();
                    }
                } catch (Exception closed) {
                    // the server went away: what the test waits for
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            Thread.sleep(1_500);
            assertThat(trickle.isAlive()).isTrue();

            assertThat(timeToClose(server)).isLessThan(PHASE.plus(REST_OF_SHUTDOWN));
        }
        assertThat(server.isActive()).isFalse();
    }

    /**
     * Two requests that keep a core each busy for a minute (as the fragment expansion of the attack
     * report did, before the limits refused it): they occupy both carrier threads of a 2-core machine,
     * and shutdown still ends within its bound, because nothing of it waits for them once the
     * graceful phase is over.
     */
    @Test
    void shutdownEndsWithinItsBoundWhileCpuBoundRequestsRun() throws Exception {
        ConfigurableApplicationContext server = start(BrainBuddyApplication.class, CpuBoundRequests.class);
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                client.getOutputStream()
                        .write("GET /spin HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                clients.add(client);
            }
            assertThat(CpuBoundRequests.RUNNING.tryAcquire(2, 30, TimeUnit.SECONDS))
                    .as("both requests are spinning")
                    .isTrue();

            assertThat(timeToClose(server)).isLessThan(PHASE.plus(REST_OF_SHUTDOWN));
        } finally {
            CpuBoundRequests.stop = true;
            for (Socket client : clients) {
                client.close();
            }
        }
        assertThat(server.isActive()).isFalse();
    }

    private static ConfigurableApplicationContext start(Class<?>... sources) {
        return new SpringApplicationBuilder(sources)
                // as command-line arguments: they take precedence over application.yml
                .run(
                        "--server.port=0",
                        "--brainbuddy.mongo.embedded.storage=memory",
                        "--spring.lifecycle.timeout-per-shutdown-phase=" + PHASE);
    }

    private static Duration timeToClose(ConfigurableApplicationContext server) {
        long start = System.nanoTime();
        server.close();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A filter in front of everything that spins a core for up to a minute on {@code /spin}. */
    @Configuration(proxyBeanMethods = false)
    static class CpuBoundRequests {

        static final Semaphore RUNNING = new Semaphore(0);
        static volatile boolean stop;

        @Bean
        FilterRegistrationBean<Filter> spin() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                RUNNING.release();
                long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                long work = 0;
                while (!stop && System.nanoTime() < end) {
                    work += Long.numberOfTrailingZeros(work + 1);
                }
                response.getWriter().print(work);
            });
            registration.addUrlPatterns("/spin");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
