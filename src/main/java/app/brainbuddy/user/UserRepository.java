package app.brainbuddy.user;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface UserRepository extends MongoRepository<User, String> {

    Optional<User> findByEmail(String email);
}
