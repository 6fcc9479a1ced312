package app.brainbuddy.model;

import app.brainbuddy.graphql.Associations;
import app.brainbuddy.user.User;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

@Controller
class UserModelController {

    private final UserModelService models;

    UserModelController(UserModelService models) {
        this.models = models;
    }

    @BatchMapping(typeName = "User")
    Map<User, UserModel> model(List<User> users) {
        return Associations.byParent(
                users, User::id, models.modelsOf(users.stream().map(User::id).toList()));
    }
}
