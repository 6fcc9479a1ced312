package app.brainbuddy.session;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SessionRepository extends MongoRepository<TrainingSession, String> {

    List<TrainingSession> findByUserIdOrderByTimestampDesc(String userId);

    void deleteByUserId(String userId);
}
