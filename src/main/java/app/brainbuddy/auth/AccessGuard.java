package app.brainbuddy.auth;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.user.Caller;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.OwnedByUser;
import app.brainbuddy.user.User;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Checks a field's rule before its data fetcher runs. Below {@code register} and {@code login}
 * the caller is the user they signed in (carried to the fields below as the local context), so
 * that a client without a token yet can read the account it just made, and nothing else.
 */
record AccessGuard(AccessRules.FieldRule rule, DataFetcher<?> fetcher) implements DataFetcher<Object> {

    @Override
    public @Nullable Object get(DataFetchingEnvironment environment) throws Exception {
        Caller caller =
                environment.getLocalContext() instanceof Caller signedInHere ? signedInHere : CurrentUser.signedIn();
        switch (rule.rule()) {
            case SIGNS_IN -> {
                return actingAsSignedIn(fetcher.get(environment));
            }
            case ADMIN -> CurrentUser.requireAdmin(CurrentUser.requireSignedIn(caller));
            case OWNER -> {
                Caller owner = requireOwner(caller, environment);
                if (rule.scope() != null) {
                    CurrentUser.requireShared(owner, rule.scope());
                }
            }
            case OWN_TOKEN -> {
                Caller owner = requireOwner(caller, environment);
                if (!owner.user().id().equals(ownerId(owner, environment))) {
                    throw ApiException.forbidden("Only the account itself can do this");
                }
                CurrentUser.requireAccount(owner);
            }
            case PUBLIC, PARENT -> throw new IllegalStateException(rule + " needs no guard");
        }
        return fetcher.get(environment);
    }

    /** The caller, when the field's parent belongs to them or they are an administrator. */
    private static Caller requireOwner(@Nullable Caller caller, DataFetchingEnvironment environment) {
        Caller signedIn = CurrentUser.requireSignedIn(caller);
        String owner = ownerId(signedIn, environment);
        if (!owner.equals(signedIn.user().id()) && !signedIn.admin()) {
            throw ApiException.notFound("User", owner);
        }
        return signedIn;
    }

    /** Whose the parent is; at the root, the caller's own. */
    private static String ownerId(Caller caller, DataFetchingEnvironment environment) {
        if (environment.getExecutionStepInfo().getPath().getLevel() == 1) {
            return caller.user().id();
        }
        Object parent = environment.getSource();
        if (parent instanceof User user) {
            return user.id();
        }
        if (parent instanceof OwnedByUser owned) {
            return owned.userId();
        }
        throw new IllegalStateException(environment.getParentType() + " names no owner for an OWNER rule");
    }

    private static @Nullable Object actingAsSignedIn(@Nullable Object result) {
        if (result instanceof CompletionStage<?> later) {
            return later.thenApply(AccessGuard::actingAsSignedIn);
        }
        if (result instanceof Mono<?> later) {
            return later.map(AccessGuard::actingAsSignedIn);
        }
        if (result instanceof AuthPayload payload) {
            return DataFetcherResult.newResult()
                    .data(payload)
                    .localContext(new Caller(payload.user(), false, null))
                    .build();
        }
        return result;
    }
}
