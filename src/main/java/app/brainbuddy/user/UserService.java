package app.brainbuddy.user;

import app.brainbuddy.auth.CurrentUser;
import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Cursor;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.mongo.Keyset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class UserService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final UserRepository users;
    private final MongoTemplate mongo;
    private final CurrentUser currentUser;

    UserService(UserRepository users, MongoTemplate mongo, CurrentUser currentUser) {
        this.users = users;
        this.mongo = mongo;
        this.currentUser = currentUser;
    }

    /** The unique index on {@code email} decides between concurrent sign-ups of one address. */
    public User create(String email, String hashedPassword, Chronotype chronotype) {
        User user = new User(
                new ObjectId().toHexString(),
                email,
                hashedPassword,
                chronotype,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Map.of());
        try {
            return users.insert(user);
        } catch (DuplicateKeyException e) {
            throw ApiException.badRequest("An account with this email already exists");
        }
    }

    public Optional<User> findByEmail(String email) {
        return users.findByEmail(email);
    }

    /** The signed-in user; null when the account was deleted after the token was issued. */
    public Optional<User> me() {
        return users.findById(currentUser.id());
    }

    /** A user as the caller may see it: their own account, or any account for an admin. */
    public User visibleUser(String id) {
        String callerId = currentUser.id();
        return users.findById(id)
                .filter(user -> user.id().equals(callerId) || currentUser.isAdmin())
                .orElseThrow(() -> ApiException.notFound("User", id));
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
        return Connection.of(mongo.find(query, User.class), page, user -> Cursor.of(user.createdAt(), user.id()));
    }

    /** For batched associations whose parents were already authorised. */
    public Map<String, User> findAllById(Collection<String> ids) {
        return users.findAllById(ids).stream().collect(Collectors.toMap(User::id, Function.identity()));
    }
}
