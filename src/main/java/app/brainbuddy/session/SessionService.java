package app.brainbuddy.session;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.graphql.ParentKey;
import app.brainbuddy.graphql.QueryCost;
import app.brainbuddy.habit.HabitService;
import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.knowledge.KnowledgeService;
import app.brainbuddy.limit.PersonQuotas;
import app.brainbuddy.user.CurrentUser;
import app.brainbuddy.user.Scope;
import app.brainbuddy.user.StatsScope;
import app.brainbuddy.user.User;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

@Service
public class SessionService {

    private final SessionRepository sessions;
    private final SessionStore store;
    private final SessionPageStore pages;
    private final SessionStatsStore stats;
    private final ContentGenerator generator;
    private final KnowledgeService knowledge;
    private final HabitService habits;
    private final CurrentUser currentUser;
    private final PersonQuotas quotas;
    private final Clock clock;

    SessionService(
            SessionRepository sessions,
            SessionStore store,
            SessionPageStore pages,
            SessionStatsStore stats,
            ContentGenerator generator,
            KnowledgeService knowledge,
            HabitService habits,
            CurrentUser currentUser,
            PersonQuotas quotas,
            Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.quotas = quotas;
        this.pages = pages;
        this.stats = stats;
        this.generator = generator;
        this.knowledge = knowledge;
        this.habits = habits;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A session starting now, with content generated for the caller's chronotype and local hour. */
    TrainingSession start(StartSessionInput input) {
        String userId = currentUser.requireAccount();
        quotas.startSession(userId);
        int localHour = input.localHour() != null
                ? input.localHour()
                : clock.instant().atZone(ZoneOffset.UTC).getHour();
        ContentRequest request = new ContentRequest(
                input.moduleType(),
                input.brainwaveTarget(),
                input.frequency(),
                input.durationSeconds(),
                currentUser.user().chronotype(),
                localHour,
                ThreadLocalRandom.current().nextLong(),
                input.hasHeadphones(),
                input.moduleType() == ModuleType.PFC_GYM
                        ? habits.drillFor(userId, input.habitId()).orElse(null)
                        : null);
        GeneratedContent generated =
                generator.generate(request, knowledge.about(generator.stimulusTypes(input.moduleType())));
        return sessions.insert(new TrainingSession(
                new ObjectId().toHexString(),
                userId,
                input.moduleType(),
                input.brainwaveTarget(),
                generated.content(),
                null,
                null,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                input.durationSeconds(),
                generated.evidenceIds()));
    }

    /** The knowledge entries behind each kind of session, strongest first, in one read: the model's prior. */
    public Map<TrainingOption, List<BrainKnowledge>> evidenceByOption() {
        List<TrainingOption> options = TrainingOption.of(null);
        List<BrainKnowledge> evidence = knowledge.about(options.stream()
                .flatMap(option -> generator.stimulusTypes(option.moduleType()).stream())
                .collect(Collectors.toSet()));
        return options.stream()
                .collect(Collectors.toMap(Function.identity(), option -> generator.evidenceFor(option, evidence)));
    }

    /** The session's content, typed, whatever shape was stored. */
    public SessionContent contentOf(TrainingSession session) {
        return StoredContent.read(session);
    }

    /**
     * A session of this user with its typed content, for the audio endpoint whose signed URL already
     * names the user; empty when there is no such session any more.
     */
    public Optional<SessionContent> contentOf(String sessionId, String userId) {
        return sessions.findByIdAndUserId(sessionId, userId).map(StoredContent::read);
    }

    /** The caller's own session; another user's answers exactly like a missing one. */
    TrainingSession visibleSession(String id) {
        return sessions.findByIdAndUserId(id, currentUser.requireShared(Scope.SESSIONS_READ))
                .orElseThrow(() -> ApiException.notFound("Session", id));
    }

    /** The loader key of {@code user.sessions(filter, first, after)}, once the caller may read sessions. */
    ParentKey<SessionsArguments> pageKey(
            User user,
            @Nullable SessionFilter filter,
            @Nullable Integer first,
            @Nullable String after,
            Set<OptionalSessionField> selected) {
        currentUser.requireSharedWithIntegration(Scope.SESSIONS_READ);
        return new ParentKey<>(
                user.id(),
                new SessionsArguments(
                        filter == null ? SessionFilter.NONE : filter, Page.of("sessions", first, after), selected));
    }

    /** Everything stored about the user's sessions, newest first: for their data export. */
    public List<TrainingSession> exportOf(String userId) {
        return sessions.findByUserIdOrderByTimestampDesc(userId);
    }

    /**
     * Every rated session of the user, in no particular order: the source the personal model is derived from. Each
     * holds what the model learns from and no more: of the generated content only {@code timing.local_hour} and
     * {@code frequency}, and no evidence ids.
     */
    public List<TrainingSession> ratedSessionsOf(String userId) {
        return store.ratedForLearning(userId);
    }

    public void deleteAllOf(String userId) {
        sessions.deleteByUserId(userId);
    }

    /** One aggregation per distinct set of arguments, whatever the number of users. */
    Map<ParentKey<SessionsArguments>, Connection<TrainingSession>> pages(Set<ParentKey<SessionsArguments>> keys) {
        return ParentKey.loadByArguments(keys, (userIds, arguments) -> {
            Map<String, List<TrainingSession>> byUser = pages.pages(userIds, arguments);
            return userIds.stream()
                    .collect(Collectors.toMap(
                            Function.identity(),
                            userId -> Connection.of(
                                    byUser.getOrDefault(userId, List.of()),
                                    arguments.page(),
                                    session -> arguments.page().cursor(session.timestamp(), session.id())),
                            (same, alsoSame) -> same));
        });
    }

    /** Session statistics of each scope: one aggregation per distinct period. */
    Map<StatsScope, SessionTotals> totals(Set<StatsScope> scopes) {
        return stats.totals(scopes);
    }

    /** The knowledge entries each session drew on, in one read for all of them. */
    List<List<BrainKnowledge>> evidence(List<TrainingSession> sessions) {
        Map<String, BrainKnowledge> entries = knowledge.byIds(sessions.stream()
                .flatMap(session -> session.evidenceIdsOrEmpty().stream())
                .collect(Collectors.toSet()));
        return sessions.stream()
                .map(session -> session.evidenceIdsOrEmpty().stream()
                        .map(entries::get)
                        .filter(Objects::nonNull)
                        .sorted(Comparator.comparingDouble(BrainKnowledge::evidenceStrength)
                                .reversed())
                        .limit(QueryCost.MAX_EVIDENCE)
                        .toList())
                .toList();
    }
}
