package app.brainbuddy.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one request may ask of the server (OWASP GraphQL Cheat Sheet): how long its document is (in
 * characters and parser tokens), how many fields it has with its fragments expanded, how deep and
 * how costly it is, how many aliases and root fields it has, how large the HTTP body and the answer
 * are, how long it may run, and how long any string argument may be. The defaults, in {@code
 * application.yml}, fit every query of the frontend, the README and the Postman collection with room
 * to spare; each refusal is a {@code BAD_REQUEST} naming its limit.
 */
@ConfigurationProperties("brainbuddy.graphql")
public record GraphQlLimits(
        int maxQueryCharacters,
        int maxQueryTokens,
        long maxFields,
        int maxDepth,
        long maxComplexity,
        int maxAliases,
        int maxRootFields,
        DataSize maxRequestSize,
        DataSize maxResponseSize,
        Duration timeout,
        int maxStringLength) {}
