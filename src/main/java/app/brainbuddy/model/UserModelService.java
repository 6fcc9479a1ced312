package app.brainbuddy.model;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
public class UserModelService {

    private final UserModelRepository models;

    UserModelService(UserModelRepository models) {
        this.models = models;
    }

    /** For the batched {@code User.model}: parents are already authorised; users without a model are absent. */
    Map<String, UserModel> modelsOf(Collection<String> userIds) {
        return models.findByUserIdIn(userIds).stream()
                .collect(Collectors.toMap(UserModel::userId, Function.identity()));
    }
}
