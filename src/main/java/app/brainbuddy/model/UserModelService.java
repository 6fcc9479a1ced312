package app.brainbuddy.model;

import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
public class UserModelService {

    private final UserModelRepository models;
    private final ModelSettings settings;
    private final CurrentUser currentUser;

    UserModelService(UserModelRepository models, ModelSettings settings, CurrentUser currentUser) {
        this.models = models;
        this.settings = settings;
        this.currentUser = currentUser;
    }

    ModelPhase phaseOf(ModelStatus model) {
        return settings.phaseAfter(model.trainingSteps());
    }

    /** For the batched {@code User.model}: parents are already authorised; users without a model are absent. */
    Map<String, ModelStatus> modelsOf(Collection<String> userIds) {
        currentUser.requireSharedWithIntegration(Scope.MODEL_READ);
        return models.findByUserIdIn(userIds).stream()
                .collect(Collectors.toMap(ModelStatus::userId, Function.identity()));
    }

    /** The model's metadata for the user's data export; the weights stay out. */
    public Optional<Map<String, Object>> exportOf(String userId) {
        return models.findByUserIdIn(List.of(userId)).stream()
                .findFirst()
                .map(model -> Map.of(
                        "id", model.id(),
                        "phase", phaseOf(model),
                        "trainingSteps", model.trainingSteps(),
                        "lastUpdated", model.lastUpdated()));
    }

    public void deleteOf(String userId) {
        models.deleteByUserId(userId);
    }
}
