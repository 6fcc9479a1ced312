package app.brainbuddy.graphql;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Documents the server keeps parsed and validated, and the operations it trusts.
 *
 * @param documentCacheSize how many distinct query texts stay parsed and validated (least used go first)
 * @param persistedQueryCacheSize how many automatic persisted queries (Apollo APQ hashes) are remembered
 * @param trustedDocuments a persisted-operation manifest (Apollo's {@code persisted-query-manifest.json}
 *     or Relay's {@code {"id": "text"}}); when set, integration tokens may run only its operations
 * @param trustedDocumentsForEveryone with a manifest, every caller may run only its operations
 */
@ConfigurationProperties("brainbuddy.graphql.persisted")
public record PersistedOperationSettings(
        @DefaultValue("1000") int documentCacheSize,
        @DefaultValue("1000") int persistedQueryCacheSize,
        @Nullable Resource trustedDocuments,
        boolean trustedDocumentsForEveryone) {}
