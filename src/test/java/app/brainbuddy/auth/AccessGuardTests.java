package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.user.Caller;
import app.brainbuddy.user.Chronotype;
import app.brainbuddy.user.User;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Below {@code register} and {@code login} the fields act as the user just signed in, whatever form
 * the answer comes in: a value, a future, or a {@code Mono} (what Spring for GraphQL's data fetcher
 * gives when it runs a controller method on another thread: the README's first step failed on JDK 25
 * when the guard passed a {@code Mono} through unchanged).
 */
class AccessGuardTests {

    private static final User ANA =
            new User("a1", "ana@example.org", null, Chronotype.BEAR, Instant.EPOCH, Map.of(), null, null);

    private static final AuthPayload SIGNED_IN = new AuthPayload("token", Instant.EPOCH, ANA);

    @Test
    void fieldsBelowASignInActAsItsUserWhateverFormTheAnswerTakes() throws Exception {
        assertActsAsAna(guarded(environment -> SIGNED_IN), Function.identity());
        assertActsAsAna(
                guarded(environment -> CompletableFuture.completedFuture(SIGNED_IN)),
                answer -> ((CompletableFuture<?>) answer).join());
        assertActsAsAna(guarded(environment -> Mono.just(SIGNED_IN)), answer -> ((Mono<?>) answer).block());
    }

    private static Object guarded(DataFetcher<?> signIn) throws Exception {
        AccessGuard guard = new AccessGuard(new AccessRules.FieldRule(AccessRule.SIGNS_IN, null), signIn);
        return guard.get(
                DataFetchingEnvironmentImpl.newDataFetchingEnvironment().build());
    }

    private static void assertActsAsAna(Object answer, Function<Object, Object> resolved) {
        assertThat(resolved.apply(answer)).isInstanceOfSatisfying(DataFetcherResult.class, result -> {
            assertThat(result.getData()).isEqualTo(SIGNED_IN);
            assertThat(result.getLocalContext()).isEqualTo(new Caller(ANA, false, null));
        });
    }
}
