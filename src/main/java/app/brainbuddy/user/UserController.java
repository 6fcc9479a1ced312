package app.brainbuddy.user;

import app.brainbuddy.graphql.Associations;
import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @QueryMapping
    User me() {
        return users.me();
    }

    @QueryMapping
    User user(@Argument String id) {
        return users.visibleUser(id);
    }

    @QueryMapping
    Connection<User> users(@Argument @Nullable Integer first, @Argument @Nullable String after) {
        return users.list(Page.of("users", first, after));
    }

    @MutationMapping
    User updateProfile(@Argument UpdateProfileInput input) {
        return users.updateProfile(input);
    }

    @SchemaMapping
    String email(User user) {
        return users.profileOf(user).email();
    }

    @SchemaMapping
    Map<String, Object> privacySettings(User user) {
        return users.profileOf(user).privacySettings();
    }

    @SchemaMapping
    PrivacySettings privacy(User user) {
        return PrivacySettings.of(users.profileOf(user).privacySettings());
    }

    @SchemaMapping
    StatsScope stats(User user, @Argument @Nullable Instant from, @Argument @Nullable Instant to) {
        return users.statsOf(user, from, to);
    }

    @BatchMapping(typeName = "TrainingSession", field = "user")
    Map<OwnedByUser, User> sessionOwners(List<OwnedByUser> sessions) {
        return owners(sessions);
    }

    @BatchMapping(typeName = "Habit", field = "user")
    Map<OwnedByUser, User> habitOwners(List<OwnedByUser> habits) {
        return owners(habits);
    }

    private Map<OwnedByUser, User> owners(Collection<OwnedByUser> owned) {
        return Associations.byParent(
                owned,
                OwnedByUser::userId,
                users.findAllById(owned.stream().map(OwnedByUser::userId).collect(Collectors.toSet())));
    }
}
