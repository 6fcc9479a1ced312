package app.brainbuddy.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * Pays once per distinct document for parsing and validation: documents that parsed and validated
 * without error are kept, bounded, by their text, and by their SHA-256 when they came through Apollo's
 * automatic persisted queries (APQ: a hash alone first, {@code PersistedQueryNotFound}, then hash and
 * text, then the hash alone works). The query limits (depth, cost, aliases, root fields) are not
 * part of parsing or validation: they run on every execution, cached document or not, because the cost
 * depends on the variables. With a trusted-documents manifest, callers marked {@link #TRUSTED_ONLY} run
 * only the manifest's operations.
 */
@Configuration(proxyBeanMethods = false)
public class PersistedDocuments implements PreparsedDocumentProvider {

    /** A GraphQL context key: this request may run only operations of the trusted-documents manifest. */
    public static final String TRUSTED_ONLY = PersistedDocuments.class.getName() + ".trustedOnly";

    private final Cache<String, PreparsedDocumentEntry> byText;
    private final Cache<Object, PreparsedDocumentEntry> byHash;
    private final TrustedDocuments trusted;
    private final boolean trustedForEveryone;
    private final PersistedQuerySupport apq;

    PersistedDocuments(PersistedOperationSettings settings, TrustedDocuments trusted) {
        this.byText =
                Caffeine.newBuilder().maximumSize(settings.documentCacheSize()).build();
        this.byHash = Caffeine.newBuilder()
                .maximumSize(settings.persistedQueryCacheSize())
                .build();
        this.trusted = trusted;
        this.trustedForEveryone = trusted.configured() && settings.trustedDocumentsForEveryone();
        this.apq = new ApolloPersistedQuerySupport(new HashCache()) {
            // a Relay manifest's ids are not hashes of their texts
            @Override
            protected boolean persistedQueryIdIsInvalid(Object id, String text) {
                return trusted.text(id.toString()) == null && super.persistedQueryIdIsInvalid(id, text);
            }
        };
    }

    @Bean
    GraphQlSourceBuilderCustomizer cachedDocuments() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        if (trustedOnly(input) && !isTrusted(input)) {
            return CompletableFuture.completedFuture(new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.FORBIDDEN)
                    .message("This caller may run only the operations of the trusted-documents manifest "
                            + "(brainbuddy.graphql.persisted.trusted-documents); send one of them by its id "
                            + "as extensions.persistedQuery.sha256Hash")
                    .build()));
        }
        if (hash(input) != null) {
            return apq.getDocumentAsync(input, parseAndValidate);
        }
        return CompletableFuture.completedFuture(cached(byText, input.getQuery(), () -> parseAndValidate.apply(input)));
    }

    /**
     * The kind of operation a request would run, for the HTTP layer to refuse mutations over GET; empty
     * when that is not known yet (an unknown hash, a syntax error, an unknown operation name).
     */
    Optional<OperationDefinition.Operation> operationOf(
            @Nullable String text, @Nullable String hash, @Nullable String operationName) {
        Document document = null;
        if (hash != null) {
            PreparsedDocumentEntry entry = byHash.getIfPresent(hash);
            String manifestText = trusted.text(hash);
            document = entry != null ? entry.getDocument() : manifestText != null ? parse(manifestText) : null;
        } else if (text != null) {
            PreparsedDocumentEntry entry = byText.getIfPresent(text);
            document = entry != null ? entry.getDocument() : parse(text);
        }
        if (document == null) {
            return Optional.empty();
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                .findFirst()
                .map(OperationDefinition::getOperation);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private boolean trustedOnly(ExecutionInput input) {
        return trustedForEveryone
                || Boolean.TRUE.equals(input.getGraphQLContext().get(TRUSTED_ONLY));
    }

    private boolean isTrusted(ExecutionInput input) {
        Object hash = hash(input);
        if (hash != null) {
            return trusted.text(hash.toString()) != null;
        }
        return trusted.containsText(input.getQuery());
    }

    private static @Nullable Object hash(ExecutionInput input) {
        return input.getExtensions().get("persistedQuery") instanceof Map<?, ?> persisted
                ? persisted.get("sha256Hash")
                : null;
    }

    private static @Nullable Document parse(String text) {
        try {
            return Parser.parse(text);
        } catch (RuntimeException invalid) {
            return null;
        }
    }

    /** Only documents without errors are kept: a bad document costs its sender every time, not the cache. */
    private static <K> PreparsedDocumentEntry cached(
            Cache<K, PreparsedDocumentEntry> cache, K key, java.util.function.Supplier<PreparsedDocumentEntry> make) {
        PreparsedDocumentEntry entry = cache.getIfPresent(key);
        if (entry == null) {
            entry = make.get();
            if (!entry.hasErrors()) {
                cache.put(key, entry);
            }
        }
        return entry;
    }

    /** APQ's store: a hash missing here is answered from the manifest, else from the text sent with it. */
    private final class HashCache implements PersistedQueryCache {

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(
                Object hash, ExecutionInput input, PersistedQueryCacheMiss onMiss) {
            return CompletableFuture.completedFuture(cached(byHash, hash, () -> {
                String text = trusted.text(hash.toString());
                if (text == null) {
                    text = input.getQuery();
                }
                if (text == null || text.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(text)) {
                    throw new PersistedQueryNotFound(hash);
                }
                return onMiss.apply(text);
            }));
        }
    }
}
