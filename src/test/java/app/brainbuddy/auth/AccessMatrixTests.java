package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * Every query and mutation of the schema, called by every kind of caller; then every field reachable
 * from each query and from {@code register}/{@code login}, again for every caller. The operations
 * and fields come from the schema itself, so one added without a rule here fails the test.
 */
// the field walks select every field of the schema at once, far past the cost a real query may have
@TestPropertySource(properties = "brainbuddy.graphql.max-complexity=100000000")
class AccessMatrixTests extends GraphQlIntegrationTest {

    private static final String ALL_SCOPES = "ALL";

    /** Only the account itself, with its own token, may read it. */
    private static final String OWN_TOKEN = "own token";

    @Autowired
    private GraphQlSource graphQlSource;

    /** The callers, in the order they are tried: the owner last, since some operations destroy. */
    enum CallerKind {
        ANONYMOUS,
        OTHER_USER,
        INTEGRATION_WITH_SCOPE,
        INTEGRATION_WITHOUT_SCOPE,
        ADMIN,
        OWNER
    }

    /** What a call should answer: data, or an error of this classification. */
    enum Outcome {
        OK,
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND,
        BAD_REQUEST,
        INTERNAL_ERROR,
        UNCLASSIFIED
    }

    /**
     * One operation: its document and variables, the scope an integration needs for it, and the
     * outcome for each caller in the order anonymous, owner, other user, integration with the scope,
     * integration without it, admin.
     */
    record Row(
            String operation,
            String document,
            Function<World, Map<String, Object>> variables,
            String scope,
            List<Outcome> outcomes) {

        Outcome expected(CallerKind caller) {
            return switch (caller) {
                case ANONYMOUS -> outcomes.get(0);
                case OWNER -> outcomes.get(1);
                case OTHER_USER -> outcomes.get(2);
                case INTEGRATION_WITH_SCOPE -> outcomes.get(3);
                case INTEGRATION_WITHOUT_SCOPE -> outcomes.get(4);
                case ADMIN -> outcomes.get(5);
            };
        }
    }

    /** Accounts and data made fresh for each operation. */
    record World(
            SignedIn owner,
            SignedIn other,
            SignedIn admin,
            String sessionId,
            String habitId,
            String grantId,
            String knowledgeId,
            String integrationWithScope,
            String integrationWithoutScope) {}

    private static final Outcome OK = Outcome.OK;
    private static final Outcome UNAUTHORIZED = Outcome.UNAUTHORIZED;
    private static final Outcome FORBIDDEN = Outcome.FORBIDDEN;
    private static final Outcome NOT_FOUND = Outcome.NOT_FOUND;

    /** The stimulus of the knowledge entries this test adds, so that it can remove them again. */
    private static final String MATRIX_STIMULUS = "access_matrix";

    private static List<Row> rows() {
        String habitInput =
                "{habitType: NEGATIVE_LOOP, trigger: \"t\", routine: \"r\", reward: \"w\", interruptProtocol: {technique: \"breathe\", durationSeconds: 30}}";
        return List.of(
                row("me", "{ me { id } }", w -> Map.of(), "PROFILE_READ", OK, OK, OK, OK, OK, UNAUTHORIZED),
                row(
                        "user",
                        "query($id: ID!) { user(id: $id) { id } }",
                        w -> Map.of("id", w.owner().id()),
                        "PROFILE_READ",
                        OK,
                        NOT_FOUND,
                        OK,
                        OK,
                        OK,
                        UNAUTHORIZED),
                adminOnly("users", "{ users(first: 5) { edges { node { id } } } }", w -> Map.of()),
                row(
                        "session",
                        "query($id: ID!) { session(id: $id) { id } }",
                        w -> Map.of("id", w.sessionId()),
                        "SESSIONS_READ",
                        OK,
                        NOT_FOUND,
                        OK,
                        FORBIDDEN,
                        NOT_FOUND,
                        UNAUTHORIZED),
                row(
                        "habit",
                        "query($id: ID!) { habit(id: $id) { id } }",
                        w -> Map.of("id", w.habitId()),
                        "HABITS_READ",
                        OK,
                        NOT_FOUND,
                        OK,
                        FORBIDDEN,
                        NOT_FOUND,
                        UNAUTHORIZED),
                row(
                        "knowledge",
                        "{ knowledge(first: 3) { edges { node { id } } } }",
                        w -> Map.of(),
                        ALL_SCOPES,
                        OK,
                        OK,
                        OK,
                        OK,
                        OK,
                        OK),
                row(
                        "exportMyData",
                        "{ exportMyData }",
                        w -> Map.of(),
                        ALL_SCOPES,
                        OK,
                        OK,
                        FORBIDDEN,
                        FORBIDDEN,
                        OK,
                        UNAUTHORIZED),
                row(
                        "register",
                        "mutation($email: String!) { register(input: {email: $email, password: \"correct horse battery\", chronotype: LION}) { token } }",
                        w -> Map.of("email", "matrix-" + System.nanoTime() + "@brainbuddy.test"),
                        ALL_SCOPES,
                        OK,
                        OK,
                        FORBIDDEN,
                        FORBIDDEN,
                        OK,
                        OK),
                row(
                        "login",
                        "mutation($email: String!) { login(input: {email: $email, password: \"" + PASSWORD
                                + "\"}) { token } }",
                        w -> Map.of("email", w.owner().email()),
                        ALL_SCOPES,
                        OK,
                        OK,
                        FORBIDDEN,
                        FORBIDDEN,
                        OK,
                        OK),
                row(
                        "startSession",
                        "mutation { startSession(input: {moduleType: MOVERS, durationSeconds: 600}) { id } }",
                        w -> Map.of(),
                        ALL_SCOPES,
                        OK,
                        OK,
                        FORBIDDEN,
                        FORBIDDEN,
                        OK,
                        UNAUTHORIZED),
                row(
                        "recordSessions",
                        "mutation { recordSessions(input: [{moduleType: MOVERS, durationSeconds: 300,"
                                + " timestamp: \"2026-01-01T08:00:00Z\"}]) { id } }",
                        w -> Map.of(),
                        ALL_SCOPES,
                        OK,
                        OK,
                        FORBIDDEN,
                        FORBIDDEN,
                        OK,
                        UNAUTHORIZED),
                row(
                        "rateSession",
                        "mutation($id: ID!) { rateSession(input: {sessionId: $id, rating: 4, effectivenessScore: 0.7}) { id } }",
                        w -> Map.of("id", w.sessionId()),
                        ALL_SCOPES,
                        OK,
                        NOT_FOUND,
                        FORBIDDEN,
                        FORBIDDEN,
                        NOT_FOUND,
                        UNAUTHORIZED),
                row(
                        "recommendSession",
                        "{ recommendSession { moduleType expectedRating } }",
                        w -> Map.of(),
                        "MODEL_READ",
                        OK,
                        OK,
                        OK,
                        FORBIDDEN,
                        OK,
                        UNAUTHORIZED),
                row(
                        "createHabit",
                        "mutation { createHabit(input: " + habitInput + ") { id } }",
                        w -> Map.of(),
                        ALL_SCOPES,
                        OK,
                        OK,
                        FORBIDDEN,
                        FORBIDDEN,
                        OK,
                        UNAUTHORIZED),
                row(
                        "updateHabit",
                        "mutation($id: ID!) { updateHabit(input: {id: $id, trigger: \"new cue\"}) { id } }",
                        w -> Map.of("id", w.habitId()),
                        ALL_SCOPES,
                        OK,
                        NOT_FOUND,
                        FORBIDDEN,
                        FORBIDDEN,
                        NOT_FOUND,
                        UNAUTHORIZED),
                row(
                        "recordHabitAttempt",
                        "mutation($id: ID!) { recordHabitAttempt(input: {habitId: $id, success: true}) { id } }",
                        w -> Map.of("id", w.habitId()),
                        ALL_SCOPES,
                        OK,
                        NOT_FOUND,
                        FORBIDDEN,
                        FORBIDDEN,
                        NOT_FOUND,
                        UNAUTHORIZED),
                row(
                        "recordHabitAttempts",
                        "mutation($id: ID!) { recordHabitAttempts(input: [{habitId: $id, success: true}]) { id } }",
                        w -> Map.of("id", w.habitId()),
                        ALL_SCOPES,
                        OK,
                        NOT_FOUND,
                        FORBIDDEN,
                        FORBIDDEN,
                        NOT_FOUND,
                        UNAUTHORIZED),
                row(
                        "deleteHabit",
                        "mutation($id: ID!) { deleteHabit(id: $id) }",
                        w -> Map.of("id", w.habitId()),
                        ALL_SCOPES,
                        OK,
                        NOT_FOUND,
                        FORBIDDEN,
                        FORBIDDEN,
                        NOT_FOUND,
                        UNAUTHORIZED),
                row(
                        "updateProfile",
                        "mutation { updateProfile(input: {chronotype: WOLF}) { id } }",
                        w -> Map.of(),
                        ALL_SCOPES,
                        OK,
                        OK,
                        FORBIDDEN,
                        FORBIDDEN,
                        OK,
                        UNAUTHORIZED),
                row(
                        "createIntegrationToken",
                        "mutation { createIntegrationToken(input: {name: \"watch\", scopes: [STATS_READ]}) { token } }",
                        w -> Map.of(),
                        ALL_SCOPES,
                        OK,
                        OK,
                        FORBIDDEN,
                        FORBIDDEN,
                        OK,
                        UNAUTHORIZED),
                row(
                        "revokeIntegrationToken",
                        "mutation($id: ID!) { revokeIntegrationToken(id: $id) }",
                        w -> Map.of("id", w.grantId()),
                        ALL_SCOPES,
                        OK,
                        NOT_FOUND,
                        FORBIDDEN,
                        FORBIDDEN,
                        NOT_FOUND,
                        UNAUTHORIZED),
                adminOnly(
                        "addKnowledge",
                        "mutation($input: AddKnowledgeInput!) { addKnowledge(input: $input) { id } }",
                        w -> Map.of("input", knowledgeInput())),
                adminOnly(
                        "updateKnowledge",
                        "mutation($id: ID!) { updateKnowledge(input: {id: $id, evidenceStrength: 0.2}) { id } }",
                        w -> Map.of("id", w.knowledgeId())),
                adminOnly(
                        "deleteKnowledge",
                        "mutation($id: ID!) { deleteKnowledge(id: $id) }",
                        w -> Map.of("id", w.knowledgeId())),
                row(
                        "deleteAccount",
                        "mutation { deleteAccount { deleted } }",
                        w -> Map.of(),
                        ALL_SCOPES,
                        OK,
                        OK,
                        FORBIDDEN,
                        FORBIDDEN,
                        OK,
                        UNAUTHORIZED));
    }

    @Test
    void everyOperationAnswersEveryCallerAsItsRuleSays() {
        List<Row> rows = rows();
        Set<String> covered = rows.stream().map(Row::operation).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered)
                .as("every query and mutation of the schema has a row")
                .isEqualTo(schemaOperations());

        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            World world = world(row.scope());
            for (CallerKind caller : CallerKind.values()) {
                Outcome actual = outcome(client(world, caller)
                        .document(row.document())
                        .variables(row.variables().apply(world))
                        .execute());
                if (actual != row.expected(caller)) {
                    wrong.add(row.operation() + " as " + caller + ": expected " + row.expected(caller) + ", got "
                            + actual);
                }
            }
        }
        mongo.remove(Query.query(Criteria.where("stimulus_type").is(MATRIX_STIMULUS)), "brain_knowledge");
        System.out.printf(
                "Authorization matrix: %d operations x %d callers = %d calls%n",
                rows.size(), CallerKind.values().length, rows.size() * CallerKind.values().length);
        assertThat(wrong).isEmpty();
    }

    /**
     * What the nested rules say, in this test's own words: which fields an integration token needs
     * a scope for, and which only the account itself may read. Every other field below a root answers
     * whoever the root answered.
     */
    private static final Map<String, String> NESTED_RULES = Map.of(
            "User.email", "PROFILE_READ",
            "User.privacySettings", "PROFILE_READ",
            "User.privacy", "PROFILE_READ",
            "User.sessions", "SESSIONS_READ",
            "User.habits", "HABITS_READ",
            "User.stats", "STATS_READ",
            "User.model", "MODEL_READ",
            "User.integrations", OWN_TOKEN);

    /** The one scope of the integration token "without scope" of {@link #world(String)} for all scopes. */
    private static final String SCOPE_OF_THE_NARROW_TOKEN = "STATS_READ";

    @Test
    void everyFieldReachableFromEachRootAnswersEveryCallerAsItsRuleSays() {
        var schema = graphQlSource.schema();
        World world = world(ALL_SCOPES);
        List<String> wrong = new ArrayList<>();
        Set<String> walked = new TreeSet<>();
        int calls = 0;
        for (Row row : rows()) {
            boolean query = schema.getQueryType().getFieldDefinition(row.operation()) != null;
            if (!query && !Set.of("register", "login").contains(row.operation())) {
                continue;
            }
            FieldWalk walk = FieldWalk.of(schema, row.document());
            walked.addAll(walk.fields());
            for (CallerKind caller : CallerKind.values()) {
                calls++;
                GraphQlTester.Response response = client(world, caller)
                        .document(walk.document())
                        .variables(row.variables().apply(world))
                        .execute();
                checkFields(row, caller, walk, response, wrong);
            }
        }
        System.out.printf("Authorization matrix by field: %d fields, %d calls%n", walked.size(), calls);
        assertThat(walked).as("the walks reach every field below the roots").containsAll(fieldsBelowRoots(schema));
        assertThat(wrong).isEmpty();
    }

    private static void checkFields(
            Row row, CallerKind caller, FieldWalk walk, GraphQlTester.Response response, List<String> wrong) {
        Outcome atRoot = row.expected(caller);
        Set<String> deniedWhere = new TreeSet<>();
        response.errors()
                .satisfy(errors -> errors.forEach(error -> {
                    List<Object> path = error.getParsedPath();
                    String where = walk.coordinateAt(path);
                    deniedWhere.add(where);
                    Outcome actual = error.getErrorType() instanceof ErrorType type
                            ? Outcome.valueOf(type.name())
                            : Outcome.UNCLASSIFIED;
                    boolean expected = path.size() == 1
                            ? actual == atRoot
                            : atRoot == OK && deniedBelowTheRoot(caller, row, where) == actual;
                    if (!expected) {
                        wrong.add(row.operation() + " as " + caller + ": " + where + " at " + path + " answered "
                                + actual);
                    }
                }));
        if (atRoot != OK) {
            return;
        }
        // a field that always answers (no list or nullable field on its way) must have been refused
        walk.alwaysReached().stream()
                .filter(where -> deniedBelowTheRoot(caller, row, where) != null && !deniedWhere.contains(where))
                .forEach(where -> wrong.add(row.operation() + " as " + caller + ": " + where
                        + " answered data, expected " + deniedBelowTheRoot(caller, row, where)));
    }

    /**
     * How a field below a root that answered the caller should answer them: null for data. Below
     * register and login the caller is the account just signed in.
     */
    private static @Nullable Outcome deniedBelowTheRoot(CallerKind caller, Row row, String coordinate) {
        String rule = NESTED_RULES.get(coordinate);
        if (rule == null) {
            return null;
        }
        if (Set.of("register", "login").contains(row.operation())) {
            // the rules let the account just signed in read all of itself; the integrations service
            // still asks for that account's token in the header, a stricter gate behind them
            boolean sameAccount = row.operation().equals("login") && caller == CallerKind.OWNER;
            if (!OWN_TOKEN.equals(rule) || sameAccount) {
                return null;
            }
            return caller == CallerKind.ANONYMOUS ? UNAUTHORIZED : FORBIDDEN;
        }
        boolean integration =
                caller == CallerKind.INTEGRATION_WITH_SCOPE || caller == CallerKind.INTEGRATION_WITHOUT_SCOPE;
        if (OWN_TOKEN.equals(rule)) {
            boolean someoneElses =
                    caller == CallerKind.ADMIN && !row.operation().equals("me");
            return integration || someoneElses ? FORBIDDEN : null;
        }
        return caller == CallerKind.INTEGRATION_WITHOUT_SCOPE && !rule.equals(SCOPE_OF_THE_NARROW_TOKEN)
                ? FORBIDDEN
                : null;
    }

    /** Every field of every object type but the roots' own: what the walks must reach. */
    private static Set<String> fieldsBelowRoots(GraphQLSchema schema) {
        Set<String> roots = Set.of("Query", "Mutation", "Subscription");
        Set<String> fields = new TreeSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object
                    && !type.getName().startsWith("__")
                    && !roots.contains(type.getName())) {
                object.getFieldDefinitions().forEach(field -> fields.add(type.getName() + "." + field.getName()));
            }
        }
        // AccountEvent is reached from a subscription only: live/SubscriptionTests checks its callers
        fields.removeIf(field -> field.startsWith("IntegrationTokenPayload.")
                || field.startsWith("DeleteAccountPayload.")
                || field.startsWith("AccountEvent."));
        return fields;
    }

    private Set<String> schemaOperations() {
        Set<String> operations = new TreeSet<>();
        var schema = graphQlSource.schema();
        schema.getQueryType().getFieldDefinitions().stream()
                .map(GraphQLFieldDefinition::getName)
                .forEach(operations::add);
        schema.getMutationType().getFieldDefinitions().stream()
                .map(GraphQLFieldDefinition::getName)
                .forEach(operations::add);
        return operations;
    }

    private World world(String scope) {
        SignedIn owner = signUp();
        SignedIn other = signUp();
        SignedIn admin = admin();
        owner.graphQl()
                .document(
                        "mutation { updateProfile(input: {privacySettings: {share_sessions: true, share_habits: true, share_stats: true, share_model: true}}) { id } }")
                .execute()
                .errors()
                .verify();
        String sessionId = owner.graphQl()
                .document("mutation { startSession(input: {moduleType: MOVERS, durationSeconds: 300}) { id } }")
                .execute()
                .path("startSession.id")
                .entity(String.class)
                .get();
        String habitId = owner.graphQl()
                .document(
                        "mutation { createHabit(input: {habitType: POSITIVE_ROUTINE, trigger: \"t\", routine: \"r\", reward: \"w\", interruptProtocol: {technique: \"walk\", durationSeconds: 60}}) { id } }")
                .execute()
                .path("createHabit.id")
                .entity(String.class)
                .get();
        String grantId = integration(owner, List.of("STATS_READ"))
                .path("createIntegrationToken.integration.id")
                .entity(String.class)
                .get();
        String knowledgeId = admin.graphQl()
                .document("mutation($input: AddKnowledgeInput!) { addKnowledge(input: $input) { id } }")
                .variable("input", knowledgeInput())
                .execute()
                .path("addKnowledge.id")
                .entity(String.class)
                .get();
        List<String> granted = ALL_SCOPES.equals(scope)
                ? List.of("PROFILE_READ", "SESSIONS_READ", "HABITS_READ", "STATS_READ", "MODEL_READ")
                : List.of(scope);
        List<String> notGranted = "STATS_READ".equals(scope) ? List.of("MODEL_READ") : List.of("STATS_READ");
        return new World(
                owner,
                other,
                admin,
                sessionId,
                habitId,
                grantId,
                knowledgeId,
                token(integration(owner, granted)),
                token(integration(owner, notGranted)));
    }

    private GraphQlTester client(World world, CallerKind caller) {
        return switch (caller) {
            case ANONYMOUS -> anonymous();
            case OWNER -> world.owner().graphQl();
            case OTHER_USER -> world.other().graphQl();
            case INTEGRATION_WITH_SCOPE -> bearer(world.integrationWithScope());
            case INTEGRATION_WITHOUT_SCOPE -> bearer(world.integrationWithoutScope());
            case ADMIN -> world.admin().graphQl();
        };
    }

    private static Map<String, Object> knowledgeInput() {
        return Map.of(
                "stimulusType",
                MATRIX_STIMULUS,
                "stimulusParameters",
                Map.of("band", "alpha"),
                "outcome",
                "access_checked",
                "evidenceStrength",
                0.1,
                "citations",
                List.of(Map.of("title", "t", "authors", "a", "year", 2020, "doi", "10.1000/matrix")));
    }

    private static GraphQlTester.Response integration(SignedIn owner, List<String> scopes) {
        return owner.graphQl()
                .documentName("createIntegrationToken")
                .variable("input", Map.of("name", "matrix", "scopes", scopes))
                .execute();
    }

    private static String token(GraphQlTester.Response created) {
        return created.path("createIntegrationToken.token").entity(String.class).get();
    }

    private static Outcome outcome(GraphQlTester.Response response) {
        List<@Nullable ErrorType> types = new ArrayList<>();
        response.errors()
                .satisfy(errors -> errors.forEach(
                        error -> types.add(error.getErrorType() instanceof ErrorType type ? type : null)));
        if (types.isEmpty()) {
            return Outcome.OK;
        }
        ErrorType type = types.get(0);
        return type == null ? Outcome.UNCLASSIFIED : Outcome.valueOf(type.name());
    }

    /** The user list and knowledge base writes: administrators only, never an integration token. */
    private static Row adminOnly(String operation, String document, Function<World, Map<String, Object>> variables) {
        return row(
                operation,
                document,
                variables,
                ALL_SCOPES,
                FORBIDDEN,
                FORBIDDEN,
                FORBIDDEN,
                FORBIDDEN,
                OK,
                UNAUTHORIZED);
    }

    private static Row row(
            String operation,
            String document,
            Function<World, Map<String, Object>> variables,
            String scope,
            Outcome owner,
            Outcome other,
            Outcome integrationWithScope,
            Outcome integrationWithoutScope,
            Outcome admin,
            Outcome anonymous) {
        return new Row(
                operation,
                document,
                variables,
                scope,
                List.of(anonymous, owner, other, integrationWithScope, integrationWithoutScope, admin));
    }
}
