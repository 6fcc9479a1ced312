package app.brainbuddy.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one request may ask of the server (OWASP GraphQL Cheat Sheet): how deep and how costly its
 * query is, how many aliases and root fields it has, how large the HTTP body is, how long it may run,
 * and how long any string argument may be. The defaults, in {@code application.yml}, fit every query of the frontend, the README
 * and the Postman collection with room to spare; each refusal is a {@code BAD_REQUEST} naming its limit.
 */
@ConfigurationProperties("brainbuddy.graphql")
public record GraphQlLimits(
        int maxDepth,
        int maxComplexity,
        int maxAliases,
        int maxRootFields,
        DataSize maxRequestSize,
        Duration timeout,
        int maxStringLength) {}
