package app.brainbuddy.habit;

import app.brainbuddy.live.ChangeDecoder;
import app.brainbuddy.live.StoredChanges;
import app.brainbuddy.live.Topic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** With change streams: a written habit document, read by the mapping, is its owner's HABIT event. */
@Configuration(proxyBeanMethods = false)
class HabitChangeStore {

    @Bean
    ChangeDecoder habitChangeDecoder(MongoTemplate mongo) {
        return new StoredChanges<>(
                mongo.getCollectionName(Habit.class), Topic.HABIT, Habit.class, Habit::userId, mongo.getConverter());
    }
}
