package app.brainbuddy.user;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Cursor;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.graphql.QueryCost;
import app.brainbuddy.mongo.Keyset;
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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

@Service
public class UserService {

    static final int MAX_INTEGRATIONS = QueryCost.MAX_INTEGRATIONS;

    /** How far an identity provider's clock may run ahead of ours. */
    private static final Duration EXTERNAL_CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final UserRepository users;
    private final CallerAccounts callerAccounts;
    private final MongoTemplate mongo;
    private final CurrentUser currentUser;
    private final Clock clock;

    UserService(
            UserRepository users,
            CallerAccounts callerAccounts,
            MongoTemplate mongo,
            CurrentUser currentUser,
            Clock clock) {
        this.users = users;
        this.callerAccounts = callerAccounts;
        this.mongo = mongo;
        this.currentUser = currentUser;
        this.clock = clock;
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
        DeletedExternalAccount deleted = mongo.findById(externalSubject, DeletedExternalAccount.class);
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

    /** A token's account, read on every request (see CallerAccounts); empty once it was deleted. */
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
        Cursor after = page.after();
        Query query = new Query(
                        after == null
                                ? new Criteria()
                                : Keyset.descendingAfter("createdAt", after.instant(), after.id()))
                .with(NEWEST_FIRST)
                .limit(page.first() + 1);
        return Connection.of(mongo.find(query, User.class), page, user -> page.cursor(user.createdAt(), user.id()));
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
        Update update = new Update();
        if (input.chronotype() != null) {
            update.set("chronotype", input.chronotype());
        }
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
        privacy.forEach((key, value) -> update.set("privacy_settings." + key, value));
        if (update.getUpdateObject().isEmpty()) {
            throw ApiException.badRequest("updateProfile: give a chronotype or privacy settings to change");
        }
        update.inc(CallerAccounts.VERSION, 1);
        User updated = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(new ObjectId(userId))),
                update,
                FindAndModifyOptions.options().returnNew(true),
                User.class);
        if (updated == null) {
            throw ApiException.notFound("User", userId);
        }
        return updated;
    }

    /** Adds a grant, refusing more than {@value #MAX_INTEGRATIONS} per account in the same atomic step. */
    public IntegrationGrant addIntegration(String userId, IntegrationGrant grant) {
        Query roomLeft = Query.query(Criteria.where("_id")
                .is(new ObjectId(userId))
                .and("integrations." + (MAX_INTEGRATIONS - 1))
                .exists(false));
        if (mongo.updateFirst(
                                roomLeft,
                                new Update().push("integrations", grant).inc(CallerAccounts.VERSION, 1),
                                User.class)
                        .getMatchedCount()
                == 0) {
            throw ApiException.badRequest(
                    "An account can have at most " + MAX_INTEGRATIONS + " integrations; revoke one first");
        }
        return grant;
    }

    public void revokeIntegration(String userId, String grantId) {
        Query owned = Query.query(Criteria.where("_id")
                .is(new ObjectId(userId))
                .and("integrations._id")
                .is(grantId));
        Update pull = new Update()
                .pull("integrations", Query.query(Criteria.where("_id").is(grantId)))
                .inc(CallerAccounts.VERSION, 1);
        if (mongo.updateFirst(owned, pull, User.class).getMatchedCount() == 0) {
            throw ApiException.notFound("Integration", grantId);
        }
    }

    /** Deletes the account; for an external one, remembers when, so that its older tokens stay refused. */
    public void delete(String userId) {
        users.findById(userId)
                .map(User::externalSubject)
                .ifPresent(externalSubject -> mongo.save(new DeletedExternalAccount(
                        externalSubject, clock.instant().truncatedTo(ChronoUnit.SECONDS))));
        users.deleteById(userId);
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
