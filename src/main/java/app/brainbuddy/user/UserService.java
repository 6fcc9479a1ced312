package app.brainbuddy.user;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.graphql.QueryCost;
import app.brainbuddy.live.LiveEvents;
import app.brainbuddy.live.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

@Service
public class UserService {

    static final int MAX_INTEGRATIONS = QueryCost.MAX_INTEGRATIONS;

    /** How far an identity provider's clock may run ahead of ours. */
    private static final Duration EXTERNAL_CLOCK_SKEW = Duration.ofSeconds(60);

    private final UserRepository users;
    private final UserStore store;
    private final CallerAccountStore callerAccounts;
    private final CurrentUser currentUser;
    private final LiveEvents live;
    private final Clock clock;

    UserService(
            UserRepository users,
            UserStore store,
            CallerAccountStore callerAccounts,
            CurrentUser currentUser,
            LiveEvents live,
            Clock clock) {
        this.users = users;
        this.store = store;
        this.callerAccounts = callerAccounts;
        this.currentUser = currentUser;
        this.clock = clock;
        this.live = live;
    }

    /** The unique index on {@code email} decides between concurrent sign-ups of one address. */
    public User create(String email, String hashedPassword, Chronotype chronotype) {
        try {
            return users.insert(newUser(new ObjectId().toHexString(), email, hashedPassword, chronotype, null));
        } catch (DuplicateKeyException e) {
            throw ApiException.badRequest("An account with this email already exists");
        }
    }

    /**
     * The account of an external identity provider's subject, created on first sight. Its id is
     * derived from issuer and subject, so concurrent first requests create it once. Its email is the
     * provider's verified one unless another account has it. Empty for a token issued before the
     * account was deleted: erasure must not be undone by an old token.
     */
    public Optional<User> findOrCreateExternal(
            String issuer, String subject, @Nullable String verifiedEmail, @Nullable Instant tokenIssuedAt) {
        String externalSubject = issuer + "|" + subject;
        String id = ExternalIds.userId(externalSubject);
        Optional<User> existing = users.findById(id);
        if (existing.isPresent()) {
            return existing;
        }
        DeletedExternalAccount deleted = store.deletedExternal(externalSubject);
        if (deleted != null
                && (tokenIssuedAt == null
                        || !tokenIssuedAt.isAfter(deleted.deletedAt().plus(EXTERNAL_CLOCK_SKEW)))) {
            return Optional.empty();
        }
        String email = verifiedEmail != null ? verifiedEmail : ExternalIds.placeholderEmail(id);
        try {
            return Optional.of(users.insert(newUser(id, email, null, Chronotype.BEAR, externalSubject)));
        } catch (DuplicateKeyException e) {
            return Optional.of(users.findById(id)
                    .orElseGet(() -> users.insert(
                            newUser(id, ExternalIds.placeholderEmail(id), null, Chronotype.BEAR, externalSubject))));
        }
    }

    public Optional<User> findByEmail(String email) {
        return users.findByEmail(email);
    }

    public Optional<User> findById(String id) {
        return users.findById(id);
    }

    /** A token's account, read on every request (see CallerAccountStore); empty once it was deleted. */
    public Optional<User> findCaller(String id) {
        return callerAccounts.find(id);
    }

    /** The signed-in user, as loaded for this request. */
    public User me() {
        return currentUser.user();
    }

    /** A user as the caller may see it: their own account, or any account for an admin. */
    public User visibleUser(String id) {
        String callerId = currentUser.id();
        if (!id.equals(callerId) && !currentUser.isAdmin()) {
            throw ApiException.notFound("User", id);
        }
        return id.equals(callerId)
                ? currentUser.user()
                : users.findById(id).orElseThrow(() -> ApiException.notFound("User", id));
    }

    /** All accounts, newest first; for admins only. */
    Connection<User> list(Page page) {
        currentUser.requireAdmin();
        return Connection.of(store.newestFirst(page), page, user -> page.cursor(user.createdAt(), user.id()));
    }

    /** Email and privacy settings; integrations need {@code profile:read}. */
    User profileOf(User user) {
        currentUser.requireSharedWithIntegration(Scope.PROFILE_READ);
        return user;
    }

    StatsScope statsOf(User user, @Nullable Instant from, @Nullable Instant to) {
        currentUser.requireSharedWithIntegration(Scope.STATS_READ);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest(StatsScope.PERIOD_RULE);
        }
        return new StatsScope(user.id(), from, to);
    }

    /** Changes the chronotype and the given privacy settings; settings not given stay as they are. */
    User updateProfile(UpdateProfileInput input) {
        String userId = currentUser.requireAccount();
        if (input.privacy() != null && input.privacySettings() != null) {
            throw ApiException.badRequest("updateProfile: give privacy or the deprecated privacySettings, not both");
        }
        Map<String, Object> privacy;
        if (input.privacy() != null) {
            privacy = input.privacy().changes();
        } else {
            privacy = input.privacySettings() == null ? Map.of() : input.privacySettings();
            PrivacySettings.problemWith(privacy).ifPresent(problem -> {
                throw ApiException.badRequest(problem);
            });
        }
        if (input.chronotype() == null && privacy.isEmpty()) {
            throw ApiException.badRequest("updateProfile: give a chronotype or privacy settings to change");
        }
        User updated = store.updateProfile(userId, input.chronotype(), privacy);
        if (updated == null) {
            throw ApiException.notFound("User", userId);
        }
        announce(
                userId,
                privacy.isEmpty()
                        ? AccountEvent.AccountChange.PROFILE_UPDATED
                        : AccountEvent.AccountChange.PRIVACY_CHANGED);
        return updated;
    }

    /** Adds a grant, refusing more than {@value #MAX_INTEGRATIONS} per account in the same atomic step. */
    public IntegrationGrant addIntegration(String userId, IntegrationGrant grant) {
        if (!store.addIntegration(userId, grant, MAX_INTEGRATIONS)) {
            throw ApiException.badRequest(
                    "An account can have at most " + MAX_INTEGRATIONS + " integrations; revoke one first");
        }
        announce(userId, AccountEvent.AccountChange.INTEGRATIONS_CHANGED);
        return grant;
    }

    public void revokeIntegration(String userId, String grantId) {
        if (!store.revokeIntegration(userId, grantId)) {
            throw ApiException.notFound("Integration", grantId);
        }
        announce(userId, AccountEvent.AccountChange.INTEGRATIONS_CHANGED);
    }

    /** The caller's account events from now on. */
    public Flux<AccountEvent> changes() {
        return live.of(currentUser.requireAccount(), Topic.ACCOUNT, AccountEvent.class);
    }

    private void announce(String userId, AccountEvent.AccountChange change) {
        live.publish(userId, Topic.ACCOUNT, () -> new AccountEvent(change, clock.instant()));
    }

    /** Deletes the account; for an external one, remembers when, so that its older tokens stay refused. */
    public void delete(String userId) {
        users.findById(userId)
                .map(User::externalSubject)
                .ifPresent(externalSubject -> store.rememberDeleted(new DeletedExternalAccount(
                        externalSubject, clock.instant().truncatedTo(ChronoUnit.SECONDS))));
        users.deleteById(userId);
        announce(userId, AccountEvent.AccountChange.DELETED);
    }

    /** For batched associations whose parents were already authorised. */
    public Map<String, User> findAllById(Collection<String> ids) {
        return users.findAllById(ids).stream().collect(Collectors.toMap(User::id, Function.identity()));
    }

    private User newUser(
            String id,
            String email,
            @Nullable String hashedPassword,
            Chronotype chronotype,
            @Nullable String externalSubject) {
        return new User(
                id,
                email,
                hashedPassword,
                chronotype,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                Map.of(),
                null,
                externalSubject);
    }
}
