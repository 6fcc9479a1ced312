package app.brainbuddy.model;

import app.brainbuddy.graphql.Associations;
import app.brainbuddy.session.ModuleType;
import app.brainbuddy.user.User;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

@Controller
class UserModelController {

    private final UserModelService models;
    private final RecommendationService recommendations;
    private final ModelEvents events;

    UserModelController(UserModelService models, RecommendationService recommendations, ModelEvents events) {
        this.models = models;
        this.recommendations = recommendations;
        this.events = events;
    }

    @SubscriptionMapping
    Flux<ModelStatus> modelUpdated() {
        return events.changes();
    }

    @QueryMapping
    SessionRecommendation recommendSession(
            @Argument @Nullable ModuleType moduleType,
            @Argument @Nullable Goal goal,
            @Argument @Nullable Integer localHour,
            @Argument @Nullable String timeZone,
            @Argument @Nullable Boolean headphones) {
        return recommendations.recommend(moduleType, goal, localHour, timeZone, !Boolean.FALSE.equals(headphones));
    }

    @SchemaMapping(typeName = "UserModel")
    ModelPhase phase(ModelStatus model) {
        return models.phaseOf(model);
    }

    @BatchMapping(typeName = "User")
    Map<User, ModelStatus> model(List<User> users) {
        return Associations.byParent(
                users, User::id, models.modelsOf(users.stream().map(User::id).toList()));
    }
}
