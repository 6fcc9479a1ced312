package app.brainbuddy.account;

import app.brainbuddy.habit.HabitService;
import app.brainbuddy.model.UserModelService;
import app.brainbuddy.session.SessionService;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.User;
import app.brainbuddy.user.UserService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user's rights over their data: a portable copy of everything stored about them, and erasure.
 * Spans every feature, so it lives apart from all of them.
 */
@Service
class AccountService {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final CurrentUser currentUser;
    private final UserService users;
    private final SessionService sessions;
    private final HabitService habits;
    private final UserModelService models;
    private final JsonMapper json;
    private final Clock clock;

    AccountService(
            CurrentUser currentUser,
            UserService users,
            SessionService sessions,
            HabitService habits,
            UserModelService models,
            JsonMapper json,
            Clock clock) {
        this.currentUser = currentUser;
        this.users = users;
        this.sessions = sessions;
        this.habits = habits;
        this.models = models;
        this.json = json;
        this.clock = clock;
    }

    /** Everything stored about the caller as plain JSON, but the password hash and the model's weights. */
    Map<String, Object> export() {
        String userId = currentUser.requireAccount();
        User user = currentUser.user();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", user.id());
        profile.put("email", user.email());
        profile.put("chronotype", user.chronotype());
        profile.put("createdAt", user.createdAt());
        profile.put("privacySettings", user.privacySettings());
        profile.put("integrations", user.integrationsOrEmpty());

        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", clock.instant());
        export.put("profile", profile);
        export.put("sessions", sessions.exportOf(userId));
        export.put("habits", habits.exportOf(userId));
        export.put("model", models.exportOf(userId).orElse(null));
        return json.convertValue(export, JSON_OBJECT);
    }

    /**
     * Deletes the caller's sessions, habits and model, then the account with its integration grants.
     * The account goes last, so that an interrupted deletion can simply be run again; once it is
     * gone, every token of the account is refused.
     */
    DeleteAccountPayload delete() {
        String userId = currentUser.requireAccount();
        sessions.deleteAllOf(userId);
        habits.deleteAllOf(userId);
        models.deleteOf(userId);
        users.delete(userId);
        return new DeleteAccountPayload(true);
    }
}
