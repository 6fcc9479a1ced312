package app.brainbuddy.session;

import app.brainbuddy.live.ChangeDecoder;
import app.brainbuddy.live.StoredChanges;
import app.brainbuddy.live.Topic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** With change streams: a written session document, read by the mapping, is its owner's SESSION event. */
@Configuration(proxyBeanMethods = false)
class SessionChangeStore {

    @Bean
    ChangeDecoder sessionChangeDecoder(MongoTemplate mongo) {
        return new StoredChanges<>(
                mongo.getCollectionName(TrainingSession.class),
                Topic.SESSION,
                TrainingSession.class,
                TrainingSession::userId,
                mongo.getConverter());
    }
}
