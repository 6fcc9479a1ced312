package app.brainbuddy.habit;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

final class HabitQueries {

    private HabitQueries() {}

    /**
     * The user's habit with this id. Ownership is part of every filter, so another user's habit is
     * simply not matched, exactly like a missing one, and a malformed id matches nothing.
     */
    static Query owned(String userId, String habitId) {
        Object id = ObjectId.isValid(habitId) ? new ObjectId(habitId) : habitId;
        return Query.query(Criteria.where("_id").is(id).and("user_id").is(userId));
    }
}
