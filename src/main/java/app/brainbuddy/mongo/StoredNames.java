package app.brainbuddy.mongo;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The stored name of a property, as its {@code @Field} says, for the few paths Spring Data does not
 * map from the property: a path to one key of a map ({@code attemptLog.<clientId>},
 * {@code privacySettings.share_stats}) is left as written, and pipelines written out as plain BSON
 * ({@link LookupPages}) are not mapped at all.
 */
public final class StoredNames {

    private StoredNames() {}

    public static String of(MongoTemplate mongo, Class<?> type, String property) {
        return mongo.getConverter()
                .getMappingContext()
                .getRequiredPersistentEntity(type)
                .getRequiredPersistentProperty(property)
                .getFieldName();
    }
}
