package app.brainbuddy.user;

import app.brainbuddy.graphql.Cursor;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.mongo.Keyset;
import app.brainbuddy.mongo.StoredNames;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The queries and updates on accounts ({@code users}) beyond the repository's: they name
 * {@link User}'s properties, which Spring Data maps to the stored names of its {@code @Field}s.
 */
@Component
class UserStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final MongoTemplate mongo;
    private final String privacySettingsField;

    UserStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.privacySettingsField = StoredNames.of(mongo, User.class, "privacySettings");
    }

    /** The accounts after the page's cursor, newest first, at most one more than the page. */
    List<User> newestFirst(Page page) {
        Cursor after = page.after();
        Query query = new Query(
                        after == null
                                ? new Criteria()
                                : Keyset.descendingAfter("createdAt", after.instant(), after.id()))
                .with(NEWEST_FIRST)
                .limit(page.first() + 1);
        return mongo.find(query, User.class);
    }

    /**
     * Sets the chronotype when given and each privacy setting given; the others stay. Answers the
     * account after the change, null when there is none. Nothing to change is the caller's error.
     */
    @Nullable
    User updateProfile(String userId, @Nullable Chronotype chronotype, Map<String, Object> privacy) {
        Update update = new Update();
        if (chronotype != null) {
            update.set("chronotype", chronotype);
        }
        // a path to one key of a map is not mapped from the property: it starts with the stored name
        privacy.forEach((key, value) -> update.set(privacySettingsField + "." + key, value));
        update.inc(CallerAccountStore.VERSION, 1);
        return mongo.findAndModify(
                byId(userId), update, FindAndModifyOptions.options().returnNew(true), User.class);
    }

    /** Adds the grant unless the account has {@code max} already, in one atomic step; false when it had. */
    boolean addIntegration(String userId, IntegrationGrant grant, int max) {
        Query roomLeft = byId(userId)
                .addCriteria(Criteria.where("integrations." + (max - 1)).exists(false));
        return mongo.updateFirst(
                                roomLeft,
                                new Update().push("integrations", grant).inc(CallerAccountStore.VERSION, 1),
                                User.class)
                        .getMatchedCount()
                > 0;
    }

    /** False when the account has no grant with this id. */
    boolean revokeIntegration(String userId, String grantId) {
        Query owned = byId(userId).addCriteria(Criteria.where("integrations.id").is(grantId));
        Update pull = new Update()
                .pull("integrations", Query.query(Criteria.where("id").is(grantId)))
                .inc(CallerAccountStore.VERSION, 1);
        return mongo.updateFirst(owned, pull, User.class).getMatchedCount() > 0;
    }

    @Nullable
    DeletedExternalAccount deletedExternal(String externalSubject) {
        return mongo.findById(externalSubject, DeletedExternalAccount.class);
    }

    void rememberDeleted(DeletedExternalAccount deleted) {
        mongo.save(deleted);
    }

    private static Query byId(String userId) {
        return Query.query(Criteria.where("id").is(new ObjectId(userId)));
    }
}
