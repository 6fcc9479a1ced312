package app.brainbuddy.auth;

import app.brainbuddy.graphql.PersistedDocuments;
import app.brainbuddy.graphql.TrustedDocuments;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * With a trusted-documents manifest configured, marks requests made with an integration token, so
 * that they run only the manifest's operations: a third party gets the queries it was reviewed for,
 * not whatever its scopes would allow.
 */
@Component
class IntegrationDocuments implements WebGraphQlInterceptor {

    private final TrustedDocuments trusted;

    IntegrationDocuments(TrustedDocuments trusted) {
        this.trusted = trusted;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (trusted.configured()
                && SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication signedIn
                && signedIn.getPrincipal().isIntegration()) {
            request.configureExecutionInput(
                    (input, builder) -> builder.graphQLContext(Map.of(PersistedDocuments.TRUSTED_ONLY, true))
                            .build());
        }
        return chain.next(request);
    }
}
