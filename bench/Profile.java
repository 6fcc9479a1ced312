import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU goes per request, from a flight recording of one workload (bench/profile).
 *
 * <p>java Profile.java RECORDING.jfr REQUESTS CPU-MS-PER-REQUEST THREADS
 *
 * <p>The process's CPU per request (from /proc, as bench/run measures it) is split by its threads'
 * CPU (THREADS: bench/run's per-workload file of "group TAB ms") into the JIT compilers, the VM thread
 * (the serial collector's pauses), the flight recorder and the Java threads, whose share is split by
 * execution samples. Each sample counts once, for the first layer found walking its stack from the running
 * method towards the thread's start: the JDK's own frames are skipped, so a HashMap lookup counts for
 * the library that made it. Two layers are whole subtrees: the account read and the token check.
 */
public class Profile {

    /** A layer: a name and which frames (class name, then "." and the method) belong to it. */
    record Layer(String name, Predicate<String> frame) {}

    private static Predicate<String> prefix(String... prefixes) {
        return frame -> {
            for (String p : prefixes) {
                if (frame.startsWith(p)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Subtrees: a sample with such a frame anywhere in its stack counts for it. */
    static final List<Layer> SUBTREES = List.of(
            new Layer("account read (TokenAccounts: driver, BSON, mapping)", prefix("app.brainbuddy.auth.TokenAccounts")),
            new Layer(
                    "JWT verification (Nimbus: RS256, claims)",
                    prefix("org.springframework.security.oauth2.jwt.NimbusJwtDecoder", "com.nimbusds.")));

    /** Layers by the first non-JDK frame from the top of the stack. */
    static final List<Layer> LAYERS = List.of(
            new Layer(
                    "observations (Micrometer, *Observation*)",
                    prefix("io.micrometer.").or(frame -> frame.substring(0, frame.lastIndexOf('.'))
                            .contains("Observation"))),
            new Layer("JSON (Jackson: request and answer)", prefix("com.fasterxml.jackson.", "tools.jackson.")),
            new Layer("Mongo driver + BSON", prefix("com.mongodb.", "org.bson.")),
            new Layer("Spring Data mapping", prefix("org.springframework.data.")),
            new Layer(
                    "query limits and document cache (ours)",
                    prefix(
                            "app.brainbuddy.graphql.DocumentShape",
                            "app.brainbuddy.graphql.QueryCost",
                            "app.brainbuddy.graphql.RequestLimits",
                            "app.brainbuddy.graphql.GraphQlLimits",
                            "app.brainbuddy.graphql.PersistedDocuments",
                            "app.brainbuddy.graphql.TrustedDocuments",
                            "app.brainbuddy.limit.",
                            "app.brainbuddy.graphql.PersonLimits",
                            "com.github.benmanes.caffeine.")),
            new Layer("access rules (AccessGuard)", prefix("app.brainbuddy.auth.Access")),
            new Layer("Tink (model encryption)", prefix("com.google.crypto.tink.", "com.google.protobuf.")),
            new Layer("application code", prefix("app.brainbuddy.")),
            new Layer("graphql-java (parse, validate, execute)", prefix("graphql.")),
            new Layer("Spring GraphQL", prefix("org.springframework.graphql.")),
            new Layer("DataLoader", prefix("org.dataloader.")),
            new Layer("Reactor", prefix("reactor.")),
            new Layer("Spring Security filter chain", prefix("org.springframework.security.")),
            new Layer("HTTP: Tomcat", prefix("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
            new Layer("Spring MVC and web", prefix("org.springframework.web.", "org.springframework.http.")),
            new Layer("Spring (other)", prefix("org.springframework.")),
            new Layer("logging", prefix("ch.qos.logback.", "org.slf4j.")));

    static final String OTHER = "JDK only (virtual-thread scheduler, sockets, other)";

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long requests = Long.parseLong(args[1]);
        double cpuPerRequest = Double.parseDouble(args[2]);
        Map<String, Double> threadMs = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            String[] groupAndMs = line.split("\t");
            threadMs.put(groupAndMs[0], Double.parseDouble(groupAndMs[1]) / requests);
        }

        Map<String, Long> byLayer = new LinkedHashMap<>();
        SUBTREES.forEach(layer -> byLayer.put(layer.name(), 0L));
        LAYERS.forEach(layer -> byLayer.put(layer.name(), 0L));
        byLayer.put(OTHER, 0L);
        Map<String, Long> topMethods = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null) {
                        continue;
                    }
                    List<String> frames = new ArrayList<>();
                    for (RecordedFrame frame : stack.getFrames()) {
                        if (frame.isJavaFrame()) {
                            frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
                        }
                    }
                    if (frames.isEmpty()) {
                        continue;
                    }
                    samples++;
                    byLayer.merge(layerOf(frames), 1L, Long::sum);
                    topMethods.merge(frames.get(0), 1L, Long::sum);
                }
                case "jdk.ObjectAllocationSample" -> allocated += event.getLong("weight");
                default -> {}
            }
        }
        double gcMs = threadMs.getOrDefault("gc", 0.0);
        double jitMs = threadMs.getOrDefault("jit", 0.0);
        double jfrMs = threadMs.getOrDefault("jfr", 0.0);
        double javaMs = threadMs.getOrDefault("java", 0.0);
        System.out.printf(
                Locale.ROOT,
                "%s: %d requests, %.2f CPU ms/request, %d execution samples, ~%.0f KB allocated/request%n",
                file.getFileName(),
                requests,
                cpuPerRequest,
                samples,
                allocated / 1024.0 / requests);
        System.out.println("| where | ms/request | share |");
        System.out.println("|---|---:|---:|");
        for (Map.Entry<String, Long> entry : byLayer.entrySet()) {
            if (entry.getValue() > 0) {
                double share = (double) entry.getValue() / samples;
                System.out.printf(
                        Locale.ROOT, "| %s | %.3f | %.1f %% |%n", entry.getKey(), share * javaMs, share * javaMs / cpuPerRequest * 100);
            }
        }
        System.out.printf(Locale.ROOT, "| **Java threads** | **%.3f** | %.1f %% |%n", javaMs, javaMs / cpuPerRequest * 100);
        System.out.printf(Locale.ROOT, "| garbage collection (VM thread) | %.3f | %.1f %% |%n", gcMs, gcMs / cpuPerRequest * 100);
        System.out.printf(Locale.ROOT, "| JIT compilers | %.3f | %.1f %% |%n", jitMs, jitMs / cpuPerRequest * 100);
        System.out.printf(Locale.ROOT, "| flight recorder | %.3f | %.1f %% |%n", jfrMs, jfrMs / cpuPerRequest * 100);
        System.out.println();
        System.out.println("Hottest running methods (share of Java samples):");
        long all = samples;
        topMethods.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(15)
                .forEach(entry -> System.out.printf(
                        Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * entry.getValue() / all, entry.getKey()));
        System.out.println();
    }

    static String layerOf(List<String> frames) {
        for (Layer subtree : SUBTREES) {
            if (frames.stream().anyMatch(subtree.frame())) {
                return subtree.name();
            }
        }
        for (String frame : frames) {
            for (Layer layer : LAYERS) {
                if (layer.frame().test(frame)) {
                    return layer.name();
                }
            }
        }
        return OTHER;
    }
}
