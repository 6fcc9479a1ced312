import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * graphql-java alone, the least any GraphQL server built on it pays for an answer: the benchmark's
 * {@code knowledge(first: 20)} document executed over the starter knowledge already in memory (plain
 * maps, no data fetcher of ours, no instrumentation, no HTTP, no security, no database) and written
 * with Jackson. Prints the CPU per execution of one thread after a warm-up, to set beside the limit's
 * whole request (bench/run's knowledge row: HTTP, the database read and the JSON together).
 *
 * <p>Usage (bench/run compiles and runs it): java -cp target/bench/classes:LIBS GraphQlFloor SECONDS TEMPLATE, where
 * TEMPLATE is the request body bench/run sends for its knowledge row (target/bench/run/templates/knowledge.json).
 */
public final class GraphQlFloor {

    private static final String SCHEMA = """
            scalar JSON
            scalar DateTime
            type Query { knowledge(first: Int): BrainKnowledgeConnection! }
            type BrainKnowledgeConnection { edges: [BrainKnowledgeEdge!]! pageInfo: PageInfo! }
            type BrainKnowledgeEdge { node: BrainKnowledge! cursor: String! }
            type PageInfo { hasNextPage: Boolean! endCursor: String }
            type BrainKnowledge {
              id: ID! stimulusType: String! stimulusParameters: JSON! outcome: String!
              evidenceStrength: Float! citations: [Citation!]! createdAt: DateTime!
            }
            type Citation { title: String! authors: String! year: Int! doi: String }
            """;

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        JsonMapper json = JsonMapper.builder().build();
        String document = json.readTree(Files.readString(Path.of(args[1]))).get("query").asString();
        Map<String, Object> page = page(json);
        GraphQLSchema schema = new SchemaGenerator()
                .makeExecutableSchema(
                        new SchemaParser().parse(SCHEMA),
                        RuntimeWiring.newRuntimeWiring()
                                .scalar(ExtendedScalars.Json)
                                .scalar(ExtendedScalars.DateTime)
                                .type("Query", query -> query.dataFetcher("knowledge", environment -> page))
                                .build());
        GraphQL graphQl = GraphQL.newGraphQL(schema).build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        run(graphQl, json, document, seconds * 1_000_000_000L); // warm-up
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        long executions = run(graphQl, json, document, seconds * 1_000_000_000L);
        long usedCpu = threads.getCurrentThreadCpuTime() - cpu;
        double elapsed = (System.nanoTime() - started) / 1e9;
        long executeCpu = executeOnly(graphQl, threads, document, executions);
        System.out.printf(
                "graphql-java alone, knowledge(first: 20): %d executions in %.1f s; %.3f ms CPU each executed and"
                        + " written as JSON, %.3f ms executed only%n",
                executions,
                elapsed,
                usedCpu / 1e6 / executions,
                executeCpu / 1e6 / executions);
    }

    private static long run(GraphQL graphQl, JsonMapper json, String document, long nanos) {
        long end = System.nanoTime() + nanos;
        long executions = 0;
        long bytes = 0;
        while (System.nanoTime() < end) {
            ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput(document));
            if (!result.getErrors().isEmpty()) {
                throw new IllegalStateException(result.getErrors().toString());
            }
            bytes += json.writeValueAsBytes(result.toSpecification()).length;
            executions++;
        }
        if (bytes / executions < 5_000) {
            throw new IllegalStateException("the answer is too small: " + bytes / executions + " bytes");
        }
        return executions;
    }

    private static long executeOnly(GraphQL graphQl, ThreadMXBean threads, String document, long executions) {
        long cpu = threads.getCurrentThreadCpuTime();
        for (long i = 0; i < executions; i++) {
            graphQl.execute(ExecutionInput.newExecutionInput(document));
        }
        return threads.getCurrentThreadCpuTime() - cpu;
    }

    /** The starter knowledge as one page of the connection, in the answer's field names. */
    private static Map<String, Object> page(JsonMapper json) throws Exception {
        List<Map<String, Object>> stored = json.readValue(
                Files.readString(Path.of("src/main/resources/knowledge/knowledge-references.json")),
                new TypeReference<>() {});
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> entry = stored.get(i % stored.size());
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", "65a1c0ffee00000000000%03d".formatted(i));
            node.put("stimulusType", entry.get("stimulus_type"));
            node.put("stimulusParameters", entry.get("stimulus_parameters"));
            node.put("outcome", entry.get("outcome"));
            node.put("evidenceStrength", entry.get("evidence_strength"));
            node.put("citations", entry.get("citations"));
            node.put("createdAt", OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC));
            edges.add(Map.of("node", node, "cursor", "a2tub3dsZWRnZXwwLjM1fDY1YTFjMGZmZWUw" + i));
        }
        return Map.of("edges", edges, "pageInfo", Map.of("hasNextPage", true, "endCursor", "end"));
    }
}
