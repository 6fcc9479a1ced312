package app.brainbuddy.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.stereotype.Component;

/**
 * Creates every index the documents declare ({@code @Indexed}, {@code @CompoundIndex}) once at
 * startup, before the server takes requests. {@code createIndexes} is idempotent on MongoDB and on
 * the embedded server, so restarts and several instances starting together are harmless.
 */
@Component
class MongoIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;

    MongoIndexes(MongoTemplate mongo, MongoMappingContext mappingContext) {
        this.mongo = mongo;
        this.mappingContext = mappingContext;
    }

    @Override
    public void afterSingletonsInstantiated() {
        IndexResolver resolver = IndexResolver.create(mappingContext);
        int created = 0;
        for (MongoPersistentEntity<?> entity : mappingContext.getPersistentEntities()) {
            if (entity.isAnnotationPresent(Document.class)) {
                for (var index : resolver.resolveIndexFor(entity.getTypeInformation())) {
                    mongo.indexOps(entity.getCollection()).createIndex(index);
                    created++;
                }
            }
        }
        log.info("Ensured {} indexes", created);
    }
}
