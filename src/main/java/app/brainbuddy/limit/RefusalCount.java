package app.brainbuddy.limit;

import app.brainbuddy.graphql.ApiException;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts the refused requests of each bearer token for {@link CoolDowns}: a request refused whole
 * (no data: a query limit, a document that does not parse or validate, an answer cut at its size
 * limit) or refused by a per-person limit (an error that says when to retry). A request that gets
 * this far passed the token check, so only verified tokens are counted.
 */
@Component
class RefusalCount implements WebGraphQlInterceptor {

    private final CoolDowns coolDowns;

    RefusalCount(CoolDowns coolDowns) {
        this.coolDowns = coolDowns;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String token = CoolDowns.token(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return chain.next(request);
        }
        return chain.next(request).doOnNext(response -> {
            if (refused(response)) {
                coolDowns.refused(token);
            }
        });
    }

    static boolean refused(WebGraphQlResponse response) {
        return !response.isValid() || response.getErrors().stream().anyMatch(RefusalCount::saysWhenToRetry);
    }

    private static boolean saysWhenToRetry(ResponseError error) {
        return error.getExtensions().containsKey(ApiException.RETRY_AFTER_SECONDS);
    }
}
