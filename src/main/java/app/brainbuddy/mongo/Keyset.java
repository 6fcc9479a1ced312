package app.brainbuddy.mongo;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;

/** Keyset pagination: "after this item" for lists sorted by a property, then {@code _id}, both descending. */
public final class Keyset {

    private Keyset() {}

    public static Criteria descendingAfter(String property, Object value, String id) {
        ObjectId objectId = new ObjectId(id);
        return new Criteria()
                .orOperator(
                        Criteria.where(property).lt(value),
                        Criteria.where(property).is(value).and("_id").lt(objectId));
    }
}
