package app.brainbuddy.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar ({@code java -jar}) as a separate process, for tests that must see what a user of the jar sees:
 * a restart, a SIGKILL, a command-line flag. Started in a given working folder on a free port, with extra
 * arguments and environment; its output goes to {@code target/process-it/}. Failsafe passes the jar's path in the
 * system property {@value #JAR_PROPERTY} (see pom.xml), so only {@code *ProcessIT} classes (run after
 * {@code package}) can use it.
 */
public final class PackagedServer implements AutoCloseable {

    public static final String JAR_PROPERTY = "brainbuddy.packaged-jar";

    /** Generous: up to eight builds may share two cores; a healthy start alone takes a few seconds. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(300);

    /** The C1 compiler only: a start takes about a third less CPU, which is what a short test run needs. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path jar =
            Path.of(System.getProperty(JAR_PROPERTY, "(" + JAR_PROPERTY + " not set: run with failsafe)"));
    private final Path java;
    private final Path folder;
    private final int port;
    private final List<String> args;
    private final Map<String, String> env;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private @Nullable Process process;
    private @Nullable Path log;

    private PackagedServer(Path folder, List<String> args, Map<String, String> env, @Nullable Path javaHome) {
        this.java = (javaHome != null ? javaHome : Path.of(System.getProperty("java.home")))
                .resolve("bin")
                .resolve("java");
        this.folder = folder;
        this.port = freePort();
        this.args = List.copyOf(args);
        this.env = Map.copyOf(env);
    }

    /**
     * A JDK on which the application's virtual threads are on (21 or later), as in the Docker image: the one in
     * {@code BRAINBUDDY_IT_JAVA_HOME}, else the test JVM's when it is one, else the newest under
     * {@code /usr/lib/jvm} (where Debian's and Temurin's packages put them).
     */
    public static Optional<Path> jdkWithVirtualThreads() {
        String configured = System.getenv("BRAINBUDDY_IT_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path own = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= 21) {
            return Optional.of(own);
        }
        try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
            return installed
                    .filter(home -> Files.isExecutable(home.resolve("bin/java")) && featureVersion(home) >= 21)
                    .max(Comparator.comparingInt(PackagedServer::featureVersion));
        } catch (IOException | SecurityException none) {
            return Optional.empty();
        }
    }

    /** The JDK's feature version from its {@code release} file (JAVA_VERSION="25.0.3"), or 0. */
    private static int featureVersion(Path javaHome) {
        try (Stream<String> lines = Files.lines(javaHome.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.replaceAll("[^0-9.]", "").split("\\.")[0])
                    .filter(major -> !major.isEmpty())
                    .mapToInt(Integer::parseInt)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | UncheckedIOException unreadable) {
            return 0;
        }
    }

    /** Starts the jar in {@code folder} with the test JVM's {@code java} and waits until it is healthy. */
    public static PackagedServer start(Path folder, String... args) {
        return start(folder, List.of(args), Map.of(), null);
    }

    /** Starts the jar in {@code folder} with extra arguments and environment, and a given JDK (or the test JVM's). */
    public static PackagedServer start(
            Path folder, List<String> args, Map<String, String> env, @Nullable Path javaHome) {
        PackagedServer server = new PackagedServer(folder, args, env, javaHome);
        server.launch();
        return server;
    }

    /**
     * Runs the jar as a one-off command in {@code folder} (e.g. {@code --generate-keys}) and returns its exit code
     * and output; waits at most the startup limit.
     */
    public static CommandResult run(Path folder, Map<String, String> env, String... args) {
        PackagedServer command = new PackagedServer(folder, List.of(args), env, null);
        try {
            Process process = command.processBuilder(List.of(args)).start();
            if (!process.waitFor(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("The command did not finish: " + command.logText());
            }
            return new CommandResult(process.exitValue(), command.logText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record CommandResult(int exitCode, String output) {}

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** This run's output so far (stdout and stderr). */
    public String logText() {
        try {
            return log == null || !Files.exists(log) ? "" : Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs a GraphQL request to {@code /graphql} and returns the whole parsed response ({@code data}, {@code errors}). */
    public JsonNode post(String document, Map<String, ?> variables, @Nullable String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(send(request.build()).body());
    }

    /** SIGKILL: the process gets no chance to flush or close anything. */
    public void kill9() {
        end(process().destroyForcibly());
    }

    /**
     * SIGTERM, then waits for the graceful shutdown; returns the exit code: 143 (128 + SIGTERM) when the JVM ran its
     * shutdown hooks and exited as signalled, 137 if it had to be killed after the stop limit.
     */
    public int stop() {
        Process running = process();
        running.destroy();
        return end(running);
    }

    /** Stops (if still running) and starts again with the same folder, port, arguments and environment. */
    public void restart() {
        if (process != null && process.isAlive()) {
            stop();
        }
        launch();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private void launch() {
        List<String> serverArgs = new ArrayList<>(args);
        serverArgs.add("--server.port=" + port);
        try {
            process = processBuilder(serverArgs).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy();
    }

    private ProcessBuilder processBuilder(List<String> appArgs) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(appArgs);
        log = jar.resolveSibling("process-it").resolve(folder.getFileName() + "-" + RUNS.incrementAndGet() + ".log");
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder;
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process().isAlive()) {
                throw new IllegalStateException(
                        "The server exited with " + process().exitValue() + ":\n" + logText());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200
                        && "UP"
                                .equals(JSON.readTree(response.body())
                                        .path("status")
                                        .asString())) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port opens late in the start; keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        process().destroyForcibly();
        throw new IllegalStateException("The server was not healthy within " + STARTUP_LIMIT + ":\n" + logText());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int end(Process ending) {
        try {
            if (!ending.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                ending.destroyForcibly().waitFor();
            }
            return ending.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process process() {
        if (process == null) {
            throw new IllegalStateException("not started");
        }
        return process;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
