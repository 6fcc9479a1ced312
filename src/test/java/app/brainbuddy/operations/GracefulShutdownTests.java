package app.brainbuddy.operations;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.BrainBuddyApplication;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Shutdown while a request is still running (its body trickling in a byte a second, so it would run
 * for 30 s) ends within the graceful phase's timeout plus the rest of the shutdown, not when the
 * request ends.
 */
class GracefulShutdownTests {

    private static final Duration PHASE = Duration.ofSeconds(2);

    @Test
    void shutdownEndsWithinItsBoundWhileARequestRuns() throws Exception {
        ConfigurableApplicationContext server = new SpringApplicationBuilder(BrainBuddyApplication.class)
                // as command-line arguments: they take precedence over application.yml
                .run(
                        "--server.port=0",
                        "--brainbuddy.mongo.embedded.storage=memory",
                        "--spring.lifecycle.timeout-per-shutdown-phase=" + PHASE);
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

            long start = System.nanoTime();
            server.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(PHASE.plusSeconds(8));
        }
        assertThat(server.isActive()).isFalse();
    }
}
