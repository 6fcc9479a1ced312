package app.brainbuddy.auth;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.live.LiveEvent;
import app.brainbuddy.live.LiveEvents;
import app.brainbuddy.live.SubscriptionSlots;
import app.brainbuddy.live.Topic;
import app.brainbuddy.user.AccountEvent;
import app.brainbuddy.user.Caller;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.Scope;
import app.brainbuddy.user.User;
import app.brainbuddy.user.UserService;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What keeps a subscription running, around every field of Subscription (outside its
 * {@link AccessGuard}, which checks it once, at the start): a slot of the person's and the
 * connection's limits; the token's lifetime, at whose end it stops with UNAUTHORIZED; the account,
 * whose deletion stops it; and for an integration token its grant and the person's privacy settings,
 * read again on every account event: a revoked token or a setting that stops sharing ends it. A
 * refusal is the subscription's error (graphql-ws {@code error}, SSE {@code next} then
 * {@code complete}), classified as any GraphQL error.
 */
@Component
// after AccessRules' visitor (HIGHEST_PRECEDENCE), so that this wraps the access guard
@Order(Ordered.LOWEST_PRECEDENCE)
class SubscriptionLifetime implements GraphQlSourceBuilderCustomizer {

    private final LiveEvents events;
    private final SubscriptionSlots slots;
    private final UserService users;
    private final Clock clock;

    SubscriptionLifetime(LiveEvents events, SubscriptionSlots slots, UserService users, Clock clock) {
        this.events = events;
        this.slots = slots;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.typeVisitors(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(
                    GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
                if (context.getParentNode() instanceof GraphQLObjectType type
                        && type.getName().equals("Subscription")) {
                    GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
                    DataFetcher<?> guarded = registry.getDataFetcher(coordinates, field);
                    registry.dataFetcher(
                            coordinates,
                            new Lifetime(
                                    guarded, AccessRules.ruleOf(type, field).scope()));
                }
                return TraversalControl.CONTINUE;
            }
        }));
    }

    private final class Lifetime implements DataFetcher<Object> {

        private final DataFetcher<?> guarded;
        private final @Nullable Scope scope;

        Lifetime(DataFetcher<?> guarded, @Nullable Scope scope) {
            this.guarded = guarded;
            this.scope = scope;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Flux<Object> running;
            try {
                Caller caller = CurrentUser.requireSignedIn(CurrentUser.signedIn());
                Flux<Object> fieldEvents = Flux.from(publisher(guarded.get(environment)));
                running = slots.hold(
                        caller.user().id(),
                        environment.getGraphQlContext().get(SubscriptionSlots.CONNECTION),
                        fieldEvents.mergeWith(ends(caller, expiryOfThisToken(), tokenId())));
            } catch (ApiException refused) {
                running = Flux.error(refused);
            }
            return running.onErrorMap(ApiException.class, refused -> asSubscriptionError(refused, environment));
        }

        /** Never a value: an error when the token expires, or when an account event ends the caller's right. */
        private Flux<Object> ends(Caller caller, @Nullable Instant expiresAt, @Nullable String grantId) {
            Flux<Object> accountEnds = events.of(caller.user().id())
                    .filter(event -> event.topic() == Topic.ACCOUNT)
                    .concatMap(event -> stillAllowed(caller, grantId, event)
                            .<Mono<Object>>map(Mono::error)
                            .orElseGet(Mono::empty));
            if (expiresAt == null) {
                return accountEnds;
            }
            Duration left = Duration.between(clock.instant(), expiresAt);
            Mono<Object> expiry = Mono.delay(left.isNegative() ? Duration.ZERO : left)
                    .then(Mono.error(() -> ApiException.unauthorized(
                            "The token expired at %s; subscribe again with a fresh token".formatted(expiresAt))));
            return accountEnds.mergeWith(expiry);
        }

        /** Empty while the caller may go on; else why not. */
        private Optional<ApiException> stillAllowed(Caller caller, @Nullable String grantId, LiveEvent event) {
            if (event.payload() instanceof AccountEvent account
                    && account.change() == AccountEvent.AccountChange.DELETED) {
                return Optional.of(ApiException.unauthorized("The account was deleted"));
            }
            if (!caller.isIntegration()) {
                return Optional.empty();
            }
            Optional<User> now = users.findById(caller.user().id());
            if (now.isEmpty()) {
                return Optional.of(ApiException.unauthorized("The account was deleted"));
            }
            if (grantId == null
                    || now.get()
                            .integration(grantId)
                            .filter(grant -> grant.isActiveAt(clock.instant()))
                            .isEmpty()) {
                return Optional.of(ApiException.unauthorized("This integration token was revoked"));
            }
            if (scope != null && !scope.sharedBy(now.get())) {
                return Optional.of(ApiException.forbidden(
                        "The user's privacy settings no longer share what " + scope.claim() + " covers"));
            }
            return Optional.empty();
        }
    }

    private static Publisher<?> publisher(@Nullable Object value) {
        if (value instanceof Publisher<?> publisher) {
            return publisher;
        }
        throw new IllegalStateException("a subscription field must answer a Publisher, not " + value);
    }

    private static @Nullable Instant expiryOfThisToken() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller
                ? caller.getCredentials().getExpiresAt()
                : null;
    }

    /** The token's id, which for an integration token is its grant's. */
    private static @Nullable String tokenId() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller
                ? caller.getCredentials().getId()
                : null;
    }

    private static SubscriptionPublisherException asSubscriptionError(
            ApiException refused, DataFetchingEnvironment environment) {
        return new SubscriptionPublisherException(
                List.of(GraphqlErrorBuilder.newError(environment)
                        .errorType(refused.errorType())
                        .message(refused.getMessage())
                        .extensions(refused.extensions())
                        .build()),
                refused);
    }
}
