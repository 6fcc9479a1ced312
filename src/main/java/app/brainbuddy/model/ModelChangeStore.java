package app.brainbuddy.model;

import app.brainbuddy.live.ChangeDecoder;
import app.brainbuddy.live.LiveEvent;
import app.brainbuddy.live.StoredChanges;
import app.brainbuddy.live.Topic;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.util.Optional;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The personal model's changes as its owner's subscribers receive them: status, never weights. */
@Configuration(proxyBeanMethods = false)
class ModelChangeStore {

    /** With change streams: a written model document is its owner's MODEL event, without its weights. */
    @Bean
    ChangeDecoder modelChangeDecoder(MongoTemplate mongo) {
        var stored = new StoredChanges<>(
                mongo.getCollectionName(UserModel.class),
                Topic.MODEL,
                UserModel.class,
                UserModel::userId,
                mongo.getConverter());
        return new ChangeDecoder() {
            @Override
            public String collection() {
                return stored.collection();
            }

            @Override
            public Optional<LiveEvent> decode(ChangeStreamDocument<Document> change) {
                return stored.decode(change).map(event -> {
                    UserModel model = (UserModel) event.payload();
                    return new LiveEvent(
                            event.userId(),
                            Topic.MODEL,
                            new ModelStatus(model.id(), model.userId(), model.lastUpdated(), model.trainingSteps()));
                });
            }
        };
    }
}
