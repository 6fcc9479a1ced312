package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.FakeIdentityProvider;
import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.HabitInputs;
import app.brainbuddy.logging.LogText;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A table of hostile requests, sent as raw HTTP the way an attacker would, one named case each. For
 * each: no 5xx, the expected refusal, nothing internal in the body, and no document written (counts
 * after every case, and a checksum of every collection before and after the whole table).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests extends GraphQlIntegrationTest {

    private static final List<String> COLLECTIONS =
            List.of("users", "sessions", "brain_knowledge", "user_models", "habits", "deleted_external_accounts");

    /** What gives away the inside of the server, unless the request itself said it. */
    private static final List<String> INTERNALS = List.of(
            "Exception",
            "exception",
            "\tat ",
            "java.",
            "org.springframework",
            "com.mongodb",
            "org.bson",
            "de.bwaldvogel",
            "E11000",
            "stackTrace",
            "hashed_password",
            "$where");

    @Autowired
    private RSAKey signingKey;

    @Autowired
    private JsonMapper json;

    /** How a case must be refused. */
    enum Refusal {
        BAD_REQUEST,
        UNAUTHORIZED,
        FORBIDDEN,
        /** Or BAD_REQUEST: a malformed id may be refused for its shape, never answered with data. */
        NOT_FOUND
    }

    /** One hostile request: its category, what it is, the raw body, the Authorization header, the refusal. */
    record Case(
            String category,
            String name,
            String body,
            @Nullable String authorization,
            Refusal refusal) {}

    private SignedIn owner;
    private SignedIn other;
    private String othersSession;
    private String ownSession;
    private String ownHabit;
    private String checksumBefore;
    private final Map<String, Long> casesByCategory = new TreeMap<>();

    @BeforeAll
    void signUpTheVictimAndTheAttacker() throws Exception {
        owner = signUp();
        other = signUp();
        othersSession = startSession(other, "MOVERS");
        ownSession = startSession(owner, "MOVERS");
        ownHabit = createHabit(owner);
        checksumBefore = checksum();
    }

    Stream<Arguments> hostileRequests() throws Exception {
        List<Case> cases = cases(owner, other, othersSession, ownSession, ownHabit);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        cases.forEach(hostile -> casesByCategory.merge(hostile.category(), 1L, Long::sum));
        // control characters in a name would corrupt the test report
        return cases.stream().map(hostile -> Arguments.of(hostile.category(), LogText.escape(hostile.name()), hostile));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("hostileRequests")
    void isRefusedCleanlyAndWritesNothing(String category, String name, Case hostile) throws Exception {
        Map<String, Long> counts = counts();
        assertThat(check(hostile)).as("what is wrong with the answer").isNull();
        assertThat(counts()).as("document counts").isEqualTo(counts);
    }

    @AfterAll
    void noCollectionChangedOverTheWholeTable() throws Exception {
        System.out.println("Hostile input: "
                + casesByCategory.values().stream().mapToLong(Long::longValue).sum() + " cases; by category "
                + casesByCategory);
        assertThat(checksum()).as("checksum of every collection").isEqualTo(checksumBefore);
    }

    @Test
    void aForeignSessionIdIsAnsweredExactlyAsAMalformedOne() {
        String record = "mutation($input: [RecordSessionInput!]!) { recordSessions(input: $input) { id } }";
        List<JsonNode> answers = new ArrayList<>();
        for (String id : List.of(othersSession, "not-hex", "F".repeat(24))) {
            String variables = variables(Map.of(
                    "input",
                    List.of(Map.of(
                            "id",
                            id,
                            "moduleType",
                            "MOVERS",
                            "durationSeconds",
                            300,
                            "timestamp",
                            "2026-01-01T00:00:00Z"))));
            String answer = okBody(http().post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + owner.token())
                    .bodyValue(body(record, variables)));
            answers.add(json.readTree(answer));
        }
        assertThat(answers.get(0).path("errors").get(0).path("message").asString())
                .isEqualTo("Invalid input: input[0].id cannot be used: send a new ObjectId (24 lowercase hex digits)"
                        + " made for this session");
        assertThat(answers).allMatch(answers.get(0)::equals);
    }

    private @Nullable String check(Case hostile) throws Exception {
        WebTestClient.RequestBodySpec request = http().post().contentType(MediaType.APPLICATION_JSON);
        if (hostile.authorization() != null) {
            request = request.header("Authorization", hostile.authorization());
        }
        EntityExchangeResult<byte[]> result = request.bodyValue(hostile.body().getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectBody()
                .returnResult();
        int status = result.getStatus().value();
        String body =
                result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        if (status >= 500) {
            return "HTTP " + status + " " + body;
        }
        for (String internal : INTERNALS) {
            if (body.contains(internal) && !hostile.body().contains(internal)) {
                return "the body gives away '" + internal + "': " + body;
            }
        }
        String classification = classification(body);
        boolean refused = switch (hostile.refusal()) {
            case BAD_REQUEST ->
                "BAD_REQUEST".equals(classification)
                        || (classification == null && (status == 400 || status == 413 || status == 415));
            case UNAUTHORIZED -> "UNAUTHORIZED".equals(classification) || status == 401;
            case FORBIDDEN -> "FORBIDDEN".equals(classification);
            case NOT_FOUND -> "NOT_FOUND".equals(classification) || "BAD_REQUEST".equals(classification);
        };
        return refused ? null : "expected " + hostile.refusal() + ", got HTTP " + status + " " + body;
    }

    private @Nullable String classification(String body) {
        try {
            JsonNode errors = json.readTree(body).path("errors");
            return errors.isArray() && !errors.isEmpty()
                    ? errors.get(0).path("extensions").path("classification").asString(null)
                    : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private List<Case> cases(SignedIn owner, SignedIn other, String othersSession, String ownSession, String ownHabit)
            throws Exception {
        String bearer = "Bearer " + owner.token();
        List<Case> cases = new ArrayList<>();
        Table table = new Table(cases, bearer);

        // malformed JSON and request shapes
        table.category("malformed JSON");
        for (String body : List.of(
                "",
                "{",
                "[",
                "null",
                "42",
                "\"{ me { id } }\"",
                "{\"query\": 1}",
                "{\"query\": null}",
                "{\"query\": {}}",
                "{\"query\": \"{ me { id } }\", \"variables\": \"x\"}",
                "{\"query\": \"{ me { id } }\", \"variables\": [1]}",
                "{\"query\": \"{ me { id }\"}",
                "{\"query\": \"mutation\"}",
                "{\"query\": \"query A { me { id } } query B { me { id } }\"}",
                "{\"query\": \"query A { me { id } }\", \"operationName\": \"B\"}",
                "[{\"query\": \"{ me { id } }\"}, {\"query\": \"{ me { id } }\"}]",
                "{\"query\": \"subscription { me { id } }\"}",
                "{\"query\": \"{ me { id } }\", \"extensions\": \"x\"}")) {
            table.raw(body.isEmpty() ? "empty body" : body, body, bearer, Refusal.BAD_REQUEST);
        }

        table.category("wrong types");
        String start = "mutation($input: StartSessionInput!) { startSession(input: $input) { id } }";
        String rate = "mutation($input: RateSessionInput!) { rateSession(input: $input) { id } }";
        String attempt = "mutation($input: HabitAttemptInput!) { recordHabitAttempt(input: $input) { id } }";
        String record = "mutation($input: [RecordSessionInput!]!) { recordSessions(input: $input) { id } }";
        table.bad(start, "{\"input\": {\"moduleType\": \"MOVERS\", \"durationSeconds\": \"600\"}}");
        table.bad(start, "{\"input\": {\"moduleType\": \"MOVERS\", \"durationSeconds\": 600.5}}");
        table.bad(start, "{\"input\": {\"moduleType\": \"MOVERS\", \"durationSeconds\": true}}");
        table.bad(start, "{\"input\": {\"moduleType\": 1, \"durationSeconds\": 600}}");
        table.bad(start, "{\"input\": {\"moduleType\": [\"MOVERS\"], \"durationSeconds\": 600}}");
        table.bad(start, "{\"input\": \"MOVERS\"}");
        table.bad(start, "{\"input\": [{\"moduleType\": \"MOVERS\", \"durationSeconds\": 600}]}");
        table.bad(start, "{\"input\": null}");
        table.bad(start, "{}");
        table.bad(start, "{\"input\": {\"moduleType\": \"MOVERS\", \"durationSeconds\": 99999999999}}");
        table.bad(
                rate,
                "{\"input\": {\"sessionId\": \"" + ownSession
                        + "\", \"rating\": \"five\", \"effectivenessScore\": 0.5}}");
        table.bad(
                rate,
                "{\"input\": {\"sessionId\": \"" + ownSession
                        + "\", \"rating\": 4, \"effectivenessScore\": \"high\"}}");
        table.notFoundOrBad(rate, "{\"input\": {\"sessionId\": 12, \"rating\": 4, \"effectivenessScore\": 0.5}}");
        table.bad(
                rate,
                "{\"input\": {\"sessionId\": \"" + ownSession + "\", \"rating\": 4.5, \"effectivenessScore\": 0.5}}");
        table.bad(attempt, "{\"input\": {\"habitId\": \"" + ownHabit + "\", \"success\": \"yes\"}}");
        table.bad(attempt, "{\"input\": {\"habitId\": \"" + ownHabit + "\", \"success\": 1}}");
        table.notFoundOrBad(attempt, "{\"input\": {\"habitId\": {\"$ne\": null}, \"success\": true}}");
        table.bad(record, "{\"input\": {\"moduleType\": \"MOVERS\"}}");
        table.bad(
                record,
                "{\"input\": [{\"moduleType\": \"MOVERS\", \"durationSeconds\": 300, \"timestamp\": \"yesterday\"}]}");
        table.bad(
                record,
                "{\"input\": [{\"moduleType\": \"MOVERS\", \"durationSeconds\": 300, \"timestamp\": 1700000000}]}");
        table.bad(
                record,
                "{\"input\": [{\"moduleType\": \"MOVERS\", \"durationSeconds\": 300, \"timestamp\": \"2026-01-01T00:00:00Z\", \"generatedContent\": \"x\"}]}");
        table.bad("query($first: Int) { me { sessions(first: $first) { edges { cursor } } } }", "{\"first\": \"ten\"}");
        table.bad("{ me { sessions(first: \"ten\") { edges { cursor } } } }", "{}");
        table.bad("{ me { stats(from: \"last week\") { from } } }", "{}");

        table.category("unknown fields");
        table.bad("{ me { password } }", "{}");
        table.bad("{ me { hashedPassword } }", "{}");
        table.bad("{ me { hashed_password } }", "{}");
        table.bad("{ me { model { modelWeights } } }", "{}");
        table.bad("{ me { model { model_weights } } }", "{}");
        table.bad("{ users { edges { node { email password } } } }", "{}");
        table.bad("{ me { id(format: HEX) } }", "{}");
        table.bad("{ me(id: \"x\") { id } }", "{}");
        table.bad("{ session(id: \"" + ownSession + "\", owner: \"me\") { id } }", "{}");
        table.bad("{ systemInfo }", "{}");
        table.bad(
                start,
                "{\"input\": {\"moduleType\": \"MOVERS\", \"durationSeconds\": 600, \"userId\": \"" + other.id()
                        + "\"}}");
        table.bad(
                rate,
                "{\"input\": {\"sessionId\": \"" + ownSession
                        + "\", \"rating\": 4, \"effectivenessScore\": 0.5, \"userId\": \"x\"}}");
        table.bad("mutation { updateProfile(input: {chronotype: WOLF, email: \"x@y.z\"}) { id } }", "{}");
        table.bad("mutation { updateProfile(input: {privacySettings: {share_everything: true}}) { id } }", "{}");
        table.bad("mutation { updateProfile(input: {privacySettings: {is_admin: true}}) { id } }", "{}");
        table.bad("{ me { ...F } } fragment F on Habit { id }", "{}");

        table.category("huge strings");
        String register = "mutation($input: RegisterInput!) { register(input: $input) { token } }";
        String habit = "mutation($input: CreateHabitInput!) { createHabit(input: $input) { id } }";
        for (int size : List.of(255, 10_001, 100_000)) {
            table.anonymous(
                    register,
                    variables(Map.of(
                            "input",
                            Map.of(
                                    "email",
                                    "a".repeat(size) + "@x.test",
                                    "password",
                                    "correct horse battery",
                                    "chronotype",
                                    "BEAR"))),
                    Refusal.BAD_REQUEST);
            table.bad(habit, variables(Map.of("input", HabitInputs.negativeLoop("x".repeat(size)))));
        }
        table.anonymous(
                register,
                variables(Map.of(
                        "input",
                        Map.of("email", "huge@x.test", "password", "p".repeat(100_000), "chronotype", "BEAR"))),
                Refusal.BAD_REQUEST);
        table.anonymous(
                "mutation($input: LoginInput!) { login(input: $input) { token } }",
                variables(Map.of("input", Map.of("email", "e".repeat(50_000), "password", "x"))),
                Refusal.BAD_REQUEST);
        table.bad(
                "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { token } }",
                variables(Map.of("input", Map.of("name", "n".repeat(20_000), "scopes", List.of("STATS_READ")))));
        table.bad(record, sessionWithContent(Map.of("note", "n".repeat(70_000))));
        table.raw(
                "a 3 MB body",
                "{\"query\": \"{ me { id } }\", \"variables\": {\"pad\": \"" + "p".repeat(3_000_000) + "\"}}",
                bearer,
                Refusal.BAD_REQUEST);
        table.bad("query($id: ID!) { session(id: $id) { id } }", variables(Map.of("id", "f".repeat(20_000))));
        table.bad("{ knowledge(filter: {stimulusType: \"" + "s".repeat(10_001) + "\"}) { edges { cursor } } }", "{}");
        table.bad(
                "query($after: String) { knowledge(after: $after) { edges { cursor } } }",
                variables(Map.of("after", "c".repeat(10_001))));

        table.category("deep and wide documents");
        table.bad(nested(20), "{}");
        table.bad(nested(40), "{}");
        table.bad(
                "{ users(first: 100) { edges { node { sessions(first: 100) { edges { node { evidence { citations { doi } } } } } } } } }",
                "{}");
        table.bad(
                "{ users(first: 100) { edges { node { sessions(first: 20) { edges { node { evidence { citations { doi title } } } } } } } } }",
                "{}");
        table.bad("query { " + "__typename ".repeat(5_000) + "}", "{}");
        table.bad("{ me { ...A } } fragment A on User { ...B } fragment B on User { ...A }", "{}");
        table.bad("{ " + "me { id } ".repeat(11) + "}", "{}");
        table.bad(rootFields(11), "{}");
        table.bad(rootFields(50), "{}");
        table.bad(
                "{ users(first: 100) { edges { node { habits { history(days: 366) { date attempts successes } } sessions { edges { node { evidence { id } } } } } } } }",
                "{}");

        table.category("alias bombs");
        for (int aliases : List.of(31, 100, 1000)) {
            table.bad(
                    "{ me { "
                            + java.util.stream.IntStream.range(0, aliases)
                                    .mapToObj(i -> "a" + i + ": id")
                                    .collect(Collectors.joining(" "))
                            + " } }",
                    "{}");
        }
        table.bad(
                "{ me { ...F ...F } } fragment F on User { "
                        + java.util.stream.IntStream.range(0, 20)
                                .mapToObj(i -> "a" + i + ": email")
                                .collect(Collectors.joining(" "))
                        + " }",
                "{}");
        table.bad(
                "{ "
                        + java.util.stream.IntStream.range(0, 11)
                                .mapToObj(i -> "k" + i + ": knowledge(first: 100) { edges { cursor } }")
                                .collect(Collectors.joining(" "))
                        + " }",
                "{}");
        table.bad(
                "mutation { "
                        + java.util.stream.IntStream.range(0, 40)
                                .mapToObj(i -> "s" + i
                                        + ": startSession(input: {moduleType: MOVERS, durationSeconds: 60}) { id }")
                                .collect(Collectors.joining(" "))
                        + " }",
                "{}");
        table.anonymous(
                "mutation { "
                        + java.util.stream.IntStream.range(0, 40)
                                .mapToObj(i -> "l" + i + ": login(input: {email: \"victim@x.test\", password: \"guess"
                                        + i + "\"}) { token }")
                                .collect(Collectors.joining(" "))
                        + " }",
                "{}",
                Refusal.BAD_REQUEST);
        table.bad(
                "{ me { "
                        + java.util.stream.IntStream.range(0, 40)
                                .mapToObj(i -> "s" + i + ": sessions(first: 100) { edges { cursor } }")
                                .collect(Collectors.joining(" "))
                        + " } }",
                "{}");

        table.category("$ keys and dotted keys");
        for (String key : List.of("$where", "$gt", "$ne", "$set", "$expr", "a.b", "profile.email", "$", "x.$")) {
            table.bad(record, sessionWithContent(Map.of(key, 1)));
        }
        table.bad(record, sessionWithContent(Map.of("nested", Map.of("$gt", ""))));
        table.bad(
                "mutation($s: JSON) { updateProfile(input: {privacySettings: $s}) { id } }",
                variables(Map.of("s", Map.of("$set", Map.of("email", "x")))));
        table.bad(
                "mutation($s: JSON) { updateProfile(input: {privacySettings: $s}) { id } }",
                variables(Map.of("s", Map.of("share_stats.x", true))));
        table.notFoundOrBad("query($id: ID!) { session(id: $id) { id } }", variables(Map.of("id", Map.of("$ne", ""))));
        table.bad(
                "query($f: SessionFilter) { me { sessions(filter: $f) { edges { cursor } } } }",
                variables(Map.of("f", Map.of("moduleType", Map.of("$ne", "x")))));
        table.anonymous(
                "mutation($input: LoginInput!) { login(input: $input) { token } }",
                variables(Map.of("input", Map.of("email", Map.of("$gt", ""), "password", Map.of("$gt", "")))),
                Refusal.BAD_REQUEST);

        table.category("invalid ids");
        for (String id : List.of(
                "x",
                "",
                " ",
                "../../etc/passwd",
                "g".repeat(24),
                "0".repeat(25),
                "0".repeat(23),
                "000000000000000000000000",
                "ZZZZZZZZZZZZZZZZZZZZZZZZ",
                "{\"$oid\":\"" + othersSession + "\"}",
                "ObjectId('" + othersSession + "')",
                othersSession.toUpperCase(),
                othersSession + " ",
                "\u0000",
                "null")) {
            String variables = variables(Map.of("id", id));
            table.notFoundOrBad("query($id: ID!) { session(id: $id) { id } }", variables);
        }
        table.notFoundOrBad("query($id: ID!) { session(id: $id) { id } }", variables(Map.of("id", othersSession)));
        table.notFoundOrBad("query($id: ID!) { habit(id: $id) { id } }", variables(Map.of("id", "not-an-id")));
        table.notFoundOrBad("query($id: ID!) { user(id: $id) { id } }", variables(Map.of("id", other.id())));
        table.notFoundOrBad("mutation($id: ID!) { deleteHabit(id: $id) }", variables(Map.of("id", "0".repeat(24))));
        table.notFoundOrBad("mutation($id: ID!) { revokeIntegrationToken(id: $id) }", variables(Map.of("id", "nope")));
        table.notFoundOrBad(
                rate,
                variables(Map.of("input", Map.of("sessionId", othersSession, "rating", 5, "effectivenessScore", 1))));
        table.notFoundOrBad(attempt, variables(Map.of("input", Map.of("habitId", "$ne", "success", true))));
        table.notFoundOrBad(
                "mutation($input: UpdateHabitInput!) { updateHabit(input: $input) { id } }",
                variables(Map.of("input", Map.of("id", othersSession, "trigger", "x"))));
        table.bad(
                record,
                variables(Map.of(
                        "input",
                        List.of(Map.of(
                                "id",
                                "not-hex",
                                "moduleType",
                                "MOVERS",
                                "durationSeconds",
                                300,
                                "timestamp",
                                "2026-01-01T00:00:00Z")))));
        table.bad(
                record,
                variables(Map.of(
                        "input",
                        List.of(Map.of(
                                "id",
                                othersSession,
                                "moduleType",
                                "MOVERS",
                                "durationSeconds",
                                300,
                                "timestamp",
                                "2026-01-01T00:00:00Z")))));

        table.category("invalid enums");
        table.bad(start, "{\"input\": {\"moduleType\": \"YOGA\", \"durationSeconds\": 600}}");
        table.bad(start, "{\"input\": {\"moduleType\": \"movers\", \"durationSeconds\": 600}}");
        table.bad(
                start,
                "{\"input\": {\"moduleType\": \"BRAINWAVE\", \"brainwaveTarget\": \"alpha\", \"durationSeconds\": 600}}");
        table.bad(
                start,
                "{\"input\": {\"moduleType\": \"BRAINWAVE\", \"brainwaveTarget\": \"EPSILON\", \"durationSeconds\": 600}}");
        table.bad(start, "{\"input\": {\"moduleType\": \"\", \"durationSeconds\": 600}}");
        table.bad("mutation { startSession(input: {moduleType: \"MOVERS\", durationSeconds: 600}) { id } }", "{}");
        table.bad("mutation { startSession(input: {moduleType: YOGA, durationSeconds: 600}) { id } }", "{}");
        table.anonymous(
                register,
                variables(Map.of(
                        "input",
                        Map.of("email", "enum@x.test", "password", "correct horse battery", "chronotype", "CAT"))),
                Refusal.BAD_REQUEST);
        table.anonymous(
                register,
                variables(Map.of(
                        "input",
                        Map.of("email", "enum@x.test", "password", "correct horse battery", "chronotype", "bear"))),
                Refusal.BAD_REQUEST);
        table.bad("mutation { updateProfile(input: {chronotype: OWL}) { id } }", "{}");
        table.bad("{ me { habits(habitType: ADDICTION) { id } } }", "{}");
        table.bad("mutation { createIntegrationToken(input: {name: \"x\", scopes: [EVERYTHING]}) { token } }", "{}");
        table.bad("mutation { createIntegrationToken(input: {name: \"x\", scopes: [ADMIN]}) { token } }", "{}");
        table.bad("{ recommendSession(moduleType: NAPPING) { reason } }", "{}");
        table.bad(
                "query($f: SessionFilter) { me { sessions(filter: $f) { edges { cursor } } } }",
                variables(Map.of("f", Map.of("brainwaveTarget", "ALPHA_WAVES"))));

        table.category("oversize batches and pages");
        table.bad(
                record,
                variables(Map.of(
                        "input",
                        java.util.Collections.nCopies(
                                501,
                                Map.of(
                                        "moduleType",
                                        "MOVERS",
                                        "durationSeconds",
                                        300,
                                        "timestamp",
                                        "2026-01-01T00:00:00Z")))));
        table.bad(
                record,
                variables(Map.of(
                        "input",
                        java.util.Collections.nCopies(
                                5_000,
                                Map.of(
                                        "moduleType",
                                        "MOVERS",
                                        "durationSeconds",
                                        300,
                                        "timestamp",
                                        "2026-01-01T00:00:00Z")))));
        for (int first : List.of(0, -1, 101, 1_000_000)) {
            table.bad("{ me { sessions(first: " + first + ") { edges { cursor } } } }", "{}");
        }
        table.bad("{ knowledge(first: 101) { edges { cursor } } }", "{}");
        table.bad("{ me { habits { history(days: 100000) { date } } } }", "{}");

        table.category("missing and forged tokens");
        String me = "{ me { id } }";
        table.raw("no token", body(me, "{}"), null, Refusal.UNAUTHORIZED);
        String[] parts = owner.token().split("\\.");
        RSAKey strangerKey =
                new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
        JWTClaimsSet claims =
                JWTClaimsSet.parse(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8));
        for (Map.Entry<String, String> forged : Map.of(
                        "empty bearer", "Bearer ",
                        "garbage bearer", "Bearer abc.def.ghi",
                        "not a JWT", "Bearer " + "x".repeat(500),
                        "unsigned (alg none)",
                                "Bearer " + Base64URL.encode("{\"alg\":\"none\"}") + "." + parts[1] + ".",
                        "signature cut off", "Bearer " + parts[0] + "." + parts[1] + ".",
                        "payload swapped to another user",
                                "Bearer " + parts[0] + "."
                                        + Base64URL.encode(new JWTClaimsSet.Builder(claims)
                                                .subject(other.id())
                                                .build()
                                                .toString())
                                        + "." + parts[2],
                        "signed by a stranger's key with our key id",
                                "Bearer " + FakeIdentityProvider.sign(strangerKey, claims),
                        "expired",
                                "Bearer "
                                        + FakeIdentityProvider.sign(
                                                signingKey,
                                                new JWTClaimsSet.Builder(claims)
                                                        .expirationTime(Date.from(
                                                                Instant.now().minusSeconds(3600)))
                                                        .build()),
                        "wrong audience",
                                "Bearer "
                                        + FakeIdentityProvider.sign(
                                                signingKey,
                                                new JWTClaimsSet.Builder(claims)
                                                        .audience("someone-else")
                                                        .build()),
                        "wrong issuer",
                                "Bearer "
                                        + FakeIdentityProvider.sign(
                                                signingKey,
                                                new JWTClaimsSet.Builder(claims)
                                                        .issuer("https://evil.example")
                                                        .build()))
                .entrySet()) {
            table.raw(forged.getKey(), body(me, "{}"), forged.getValue(), Refusal.UNAUTHORIZED);
        }
        table.raw("basic auth", body(me, "{}"), "Basic YWRtaW46YWRtaW4=", Refusal.UNAUTHORIZED);
        table.raw("token without scheme", body(me, "{}"), owner.token(), Refusal.UNAUTHORIZED);
        table.raw("users without a token", body("{ users { edges { cursor } } }", "{}"), null, Refusal.UNAUTHORIZED);
        table.raw("users as a plain user", body("{ users { edges { cursor } } }", "{}"), bearer, Refusal.FORBIDDEN);
        table.raw(
                "deleteKnowledge as a plain user",
                body("mutation { deleteKnowledge(id: \"000000000000000000000000\") }", "{}"),
                bearer,
                Refusal.FORBIDDEN);
        table.raw(
                "startSession without a token",
                body(start, "{\"input\": {\"moduleType\": \"MOVERS\", \"durationSeconds\": 600}}"),
                null,
                Refusal.UNAUTHORIZED);
        table.raw(
                "rateSession without a token",
                body(
                        rate,
                        variables(Map.of(
                                "input", Map.of("sessionId", ownSession, "rating", 5, "effectivenessScore", 1)))),
                null,
                Refusal.UNAUTHORIZED);
        table.raw(
                "deleteAccount without a token",
                body("mutation { deleteAccount { deleted } }", "{}"),
                null,
                Refusal.UNAUTHORIZED);
        table.category("dates out of range");
        for (String timestamp : List.of(
                "-0001-01-01T00:00:00Z",
                "-9999-01-01T00:00:00Z",
                "-290000000-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z",
                "0001-01-01T00:00:00Z",
                "1970-01-01T00:00:00Z",
                "1999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                Instant.now().plusSeconds(600).toString())) {
            table.bad(
                    record,
                    variables(Map.of(
                            "input",
                            List.of(Map.of("moduleType", "MOVERS", "durationSeconds", 300, "timestamp", timestamp)))));
        }
        String stats = "query($from: DateTime, $to: DateTime) { me { stats(from: $from, to: $to) { from } } }";
        String filtered = "query($f: SessionFilter) { me { sessions(filter: $f) { edges { cursor } } } }";
        for (String instant : List.of(
                "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z")) {
            table.bad(stats, variables(Map.of("from", instant)));
            table.bad(stats, variables(Map.of("to", instant)));
            table.bad(filtered, variables(Map.of("f", Map.of("from", instant))));
            table.bad(filtered, variables(Map.of("f", Map.of("to", instant))));
        }
        table.bad("{ me { stats(from: \"+999999999-12-31T23:59:59Z\") { from } } }", "{}");
        table.bad("{ me { sessions(filter: {from: \"-999999999-01-01T00:00:00Z\"}) { edges { cursor } } } }", "{}");

        table.category("control characters");
        for (String text : List.of("a\u0000b", "\u0000", "a\u001bb", "a\u007fb", "a\u0085b", "a\u0008b")) {
            table.bad(habit, variables(Map.of("input", HabitInputs.negativeLoop(text))));
        }
        for (String key : List.of("x\u0000\n<a forged log line>", "a\nb", "a\rb", "a\tb", "\u0000", "a\u009bb")) {
            table.bad(record, sessionWithContent(Map.of(key, 1)));
        }
        table.bad(record, sessionWithContent(Map.of("note", List.of("ok", "bad\u0000"))));
        table.bad(
                "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { token } }",
                variables(Map.of(
                        "input", Map.of("name", "n\u0000\n2026 ERROR forged", "scopes", List.of("STATS_READ")))));
        table.bad(
                "query($s: String) { knowledge(filter: {stimulusType: $s}) { edges { cursor } } }",
                variables(Map.of("s", "binaural\u0000")));
        table.anonymous(
                "mutation($input: LoginInput!) { login(input: $input) { token } }",
                variables(Map.of("input", Map.of("email", owner.email() + "\u0000", "password", "x"))),
                Refusal.BAD_REQUEST);

        table.category("weak passwords");
        for (String password : List.of(
                " ".repeat(10),
                "\u200b".repeat(10),
                "\u3000".repeat(10),
                "\t".repeat(10),
                "\u0000".repeat(10),
                "1234567890",
                "0987654321",
                "password12",
                "PASSWORD12",
                "\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44\uff11\uff12",
                "qwertyuiop",
                "aaaaaaaaaa",
                "abcdefghij",
                "jihgfedcba",
                "nine char",
                "e\u0301".repeat(5))) {
            table.anonymous(
                    register,
                    variables(Map.of(
                            "input",
                            Map.of(
                                    "email",
                                    "weak-" + System.nanoTime() + "@x.test",
                                    "password",
                                    password,
                                    "chronotype",
                                    "BEAR"))),
                    Refusal.BAD_REQUEST);
        }

        table.category("look-alike emails");
        String ownerEmail = owner.email();
        String local = ownerEmail.substring(0, ownerEmail.indexOf('@'));
        String domain = ownerEmail.substring(ownerEmail.indexOf('@') + 1);
        for (String email : List.of(
                ownerEmail + "\u200b",
                local + "\u200b@" + domain,
                local + "@" + domain.replace("t", "\u0442"),
                local.replaceFirst("u", "\u0443") + "@" + domain,
                ownerEmail + "\u00a0",
                ownerEmail + "\u3000",
                "\u3000" + ownerEmail,
                toFullWidth(ownerEmail),
                ownerEmail.toUpperCase(java.util.Locale.ROOT),
                local + "\u00ad@" + domain,
                local + "\u202e@" + domain,
                local + "\u2060@" + domain,
                local + " x@" + domain,
                "\u0430\u0441\u0435@x.test",
                "user@\u0430\u0441\u0435.test",
                "user@exa\u200dmple.test",
                "user@xn--.test",
                "user@-bad-.test",
                "user@1\u0661.test")) {
            table.anonymous(
                    register,
                    variables(Map.of(
                            "input",
                            Map.of("email", email, "password", "correct horse battery staple", "chronotype", "BEAR"))),
                    Refusal.BAD_REQUEST);
        }

        table.category("token rules");
        for (Map.Entry<String, JWTClaimsSet> lenient : List.of(
                Map.entry(
                        "no exp",
                        new JWTClaimsSet.Builder(claims).expirationTime(null).build()),
                Map.entry(
                        "exp 100 years ahead",
                        new JWTClaimsSet.Builder(claims)
                                .expirationTime(Date.from(Instant.now().plusSeconds(100L * 365 * 86_400)))
                                .build()),
                Map.entry(
                        "exp a day ahead (the lifetime is an hour)",
                        new JWTClaimsSet.Builder(claims)
                                .expirationTime(Date.from(Instant.now().plusSeconds(86_400)))
                                .build()),
                Map.entry(
                        "an integration token with exp two years ahead",
                        new JWTClaimsSet.Builder(claims)
                                .claim("token_use", "integration")
                                .expirationTime(Date.from(Instant.now().plusSeconds(2L * 365 * 86_400)))
                                .build()))) {
            table.raw(
                    lenient.getKey(),
                    body(me, "{}"),
                    "Bearer " + FakeIdentityProvider.sign(signingKey, lenient.getValue()),
                    Refusal.UNAUTHORIZED);
        }
        for (String kid : List.of("someone-elses-key", "")) {
            RSAKey renamed = new RSAKey.Builder(signingKey)
                    .keyID(kid.isEmpty() ? null : kid)
                    .build();
            table.raw(
                    kid.isEmpty() ? "no kid" : "kid naming no published key",
                    body(me, "{}"),
                    "Bearer " + FakeIdentityProvider.sign(renamed, claims),
                    Refusal.UNAUTHORIZED);
        }
        return cases;
    }

    private static String toFullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7f ? (char) (c - 0x21 + 0xff01) : (char) c));
        return wide.toString();
    }

    /** Builds the rows of the table, one category at a time. */
    private final class Table {

        private final List<Case> cases;
        private final String bearer;
        private String category = "";

        Table(List<Case> cases, String bearer) {
            this.cases = cases;
            this.bearer = bearer;
        }

        void category(String name) {
            category = name;
        }

        void raw(String name, String body, @Nullable String authorization, Refusal refusal) {
            cases.add(new Case(category, name, body, authorization, refusal));
        }

        void bad(String document, String variables) {
            raw(abbreviate(document + " " + variables), body(document, variables), bearer, Refusal.BAD_REQUEST);
        }

        void anonymous(String document, String variables, Refusal refusal) {
            raw(abbreviate(document + " " + variables), body(document, variables), null, refusal);
        }

        /** A malformed or foreign id: NOT_FOUND, or BAD_REQUEST where the id's shape is checked first. */
        void notFoundOrBad(String document, String variables) {
            raw(abbreviate(document + " " + variables), body(document, variables), bearer, Refusal.NOT_FOUND);
        }
    }

    private String body(String document, String variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", json.readValue(variables, Map.class));
        return json.writeValueAsString(body);
    }

    private String variables(Map<String, ?> variables) {
        return json.writeValueAsString(variables);
    }

    /** The variables of a recordSessions with one plain session carrying this generatedContent. */
    private String sessionWithContent(Object content) {
        return variables(Map.of(
                "input",
                List.of(Map.of(
                        "moduleType",
                        "MOVERS",
                        "durationSeconds",
                        300,
                        "timestamp",
                        "2026-01-01T00:00:00Z",
                        "generatedContent",
                        content))));
    }

    private static String nested(int depth) {
        StringBuilder query = new StringBuilder("{ me { ");
        for (int i = 0; i < depth; i++) {
            query.append("sessions(first: 1) { edges { node { user { ");
        }
        query.append("id");
        query.append(" } } } }".repeat(depth));
        return query.append(" } }").toString();
    }

    private static String rootFields(int count) {
        return "{ "
                + java.util.stream.IntStream.range(0, count)
                        .mapToObj(i -> "k" + i + ": knowledge(first: 1) { edges { cursor } }")
                        .collect(Collectors.joining(" "))
                + " }";
    }

    private static String abbreviate(String text) {
        return text.length() <= 140 ? text : text.substring(0, 140) + "…";
    }

    private Map<String, Long> counts() {
        return COLLECTIONS.stream()
                .collect(Collectors.toMap(Function.identity(), this::count, (a, b) -> a, TreeMap::new));
    }

    /** A digest of every document of every collection, in _id order. */
    private String checksum() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String collection : COLLECTIONS) {
            for (Document document : mongo.getCollection(collection).find().sort(new Document("_id", 1))) {
                digest.update(document.toJson().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String createHabit(SignedIn user) {
        return user.graphQl()
                .documentName("createHabit")
                .variable("input", HabitInputs.negativeLoop("stress"))
                .execute()
                .path("createHabit.id")
                .entity(String.class)
                .get();
    }
}
