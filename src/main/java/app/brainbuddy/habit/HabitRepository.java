package app.brainbuddy.habit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface HabitRepository extends MongoRepository<Habit, String> {

    Optional<Habit> findByIdAndUserId(String id, String userId);

    List<Habit> findByUserIdIn(Collection<String> userIds, Sort sort);

    void deleteByUserId(String userId);

    List<Habit> findByUserIdInAndHabitType(Collection<String> userIds, HabitType habitType, Sort sort);
}
