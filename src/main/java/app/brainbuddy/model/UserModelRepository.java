package app.brainbuddy.model;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface UserModelRepository extends MongoRepository<UserModel, String> {

    /** The models' status only: the DTO projection leaves the weights in the database. */
    List<ModelStatus> findByUserIdIn(Collection<String> userIds);

    void deleteByUserId(String userId);
}
