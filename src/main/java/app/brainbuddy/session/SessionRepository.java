package app.brainbuddy.session;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SessionRepository extends MongoRepository<TrainingSession, String> {

    Optional<TrainingSession> findByIdAndUserId(String id, String userId);

    List<TrainingSession> findByUserIdOrderByTimestampDesc(String userId);

    void deleteByUserId(String userId);
}
