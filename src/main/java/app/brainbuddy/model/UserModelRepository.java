package app.brainbuddy.model;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface UserModelRepository extends MongoRepository<UserModel, String> {

    List<UserModel> findByUserIdIn(Collection<String> userIds);

    void deleteByUserId(String userId);
}
