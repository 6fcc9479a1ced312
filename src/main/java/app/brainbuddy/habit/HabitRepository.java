package app.brainbuddy.habit;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface HabitRepository extends MongoRepository<Habit, String> {

    List<Habit> findByUserIdIn(Collection<String> userIds, Sort sort);

    void deleteByUserId(String userId);

    List<Habit> findByUserIdInAndHabitType(Collection<String> userIds, HabitType habitType, Sort sort);
}
