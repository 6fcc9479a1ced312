package app.brainbuddy.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.MongoCommands.Command;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/** What {@code startSession} generates, as a client sees it, and how session reads use the database. */
class SessionContentTests extends GraphQlIntegrationTest {

    private static final String START = """
            mutation($input: StartSessionInput!) {
              startSession(input: $input) {
                id generatedContent
                evidence { id stimulusType evidenceStrength citations { doi } }
              }
            }""";

    @ParameterizedTest
    @EnumSource(BrainwaveTarget.class)
    void brainwaveSessionsGetABeatInsideTheirBandAndTheEvidenceBehindIt(BrainwaveTarget target) {
        GraphQlTester.Response session = start(
                signUp(),
                Map.of(
                        "moduleType",
                        "BRAINWAVE",
                        "brainwaveTarget",
                        target.name(),
                        "durationSeconds",
                        900,
                        "localHour",
                        8));

        double beat = session.path("startSession.generatedContent.frequency")
                .entity(Double.class)
                .get();
        assertThat(beat).isBetween(target.lowHz(), target.highHz());
        session.path("startSession.generatedContent.duration")
                .entity(Integer.class)
                .isEqualTo(900);
        session.path("startSession.generatedContent.delivery.method")
                .entity(String.class)
                .isEqualTo(target == BrainwaveTarget.GAMMA ? "isochronic" : "binaural");
        session.path("startSession.generatedContent.delivery.headphones_required")
                .entity(Boolean.class)
                .isEqualTo(target != BrainwaveTarget.GAMMA);
        assertThat(session.path("startSession.evidence[*].stimulusType")
                        .entityList(String.class)
                        .get())
                .contains("chronotype_aligned_scheduling")
                .containsAnyOf("binaural_beats", "isochronic_tones", "monaural_beats");
        assertThat(session.path("startSession.evidence[*].evidenceStrength")
                        .entityList(Double.class)
                        .get())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        session.path("startSession.evidence[0].citations[0].doi")
                .entity(String.class)
                .satisfies(doi -> assertThat(doi).startsWith("10."));
    }

    @Test
    void routinesFillTheDurationAndFollowTheUsersChronotypeAndHour() {
        SignedIn bear = signUp();
        GraphQlTester.Response peak =
                start(bear, Map.of("moduleType", "MOVERS", "durationSeconds", 1234, "localHour", 11));
        GraphQlTester.Response night =
                start(bear, Map.of("moduleType", "MOVERS", "durationSeconds", 600, "localHour", 23));

        List<Integer> seconds = peak.path("startSession.generatedContent.routine[*].seconds")
                .entityList(Integer.class)
                .get();
        assertThat(seconds.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1234);
        peak.path("startSession.generatedContent.timing.chronotype")
                .entity(String.class)
                .isEqualTo("bear");
        peak.path("startSession.generatedContent.timing.in_peak")
                .entity(Boolean.class)
                .isEqualTo(true);
        peak.path("startSession.generatedContent.routine[0].intensity")
                .entity(String.class)
                .isEqualTo("demanding");
        night.path("startSession.generatedContent.routine[0].intensity")
                .entity(String.class)
                .isEqualTo("light");
        assertThat(peak.path("startSession.evidence[*].stimulusType")
                        .entityList(String.class)
                        .get())
                .contains("physical_exercise", "chronotype_aligned_scheduling");
    }

    @Test
    void aLocalHourOutsideTheDayIsRefused() {
        SignedIn user = signUp();
        long before = count("sessions");
        for (int hour : new int[] {-1, 24}) {
            assertSingleError(
                    start(user, Map.of("moduleType", "MOVERS", "durationSeconds", 600, "localHour", hour)),
                    org.springframework.graphql.execution.ErrorType.BAD_REQUEST);
        }
        assertThat(count("sessions")).isEqualTo(before);
    }

    @Test
    void listsReadTheContentAndEvidenceOnlyWhenAskedAndTheEvidenceOfAllSessionsAtOnce() {
        SignedIn user = signUp();
        for (String module : List.of("MOVERS", "PFC_GYM", "MENTAL_REHEARSAL")) {
            start(user, Map.of("moduleType", module, "durationSeconds", 600))
                    .path("startSession.id")
                    .hasValue();
        }

        List<Command> lean = mongoCommands.during(() -> user.graphQl()
                .document("{ me { sessions(first: 10) { edges { node { id evidence { id } } } } } }")
                .execute()
                .path("me.sessions.edges[*].node.evidence[*].id")
                .entityList(String.class)
                .hasSizeGreaterThan(3));
        List<Command> full = mongoCommands.during(() -> user.graphQl()
                .document("{ me { sessions(first: 10) { edges { node { id generatedContent } } } } }")
                .execute()
                .path("me.sessions.edges[0].node.generatedContent.duration")
                .entity(Integer.class)
                .isEqualTo(600));

        // each optional stored field is read only when its field is selected
        assertThat(sessionsRead(lean)).contains("\"generated_content\": 0").doesNotContain("\"evidence_ids\": 0");
        assertThat(sessionsRead(full)).contains("\"evidence_ids\": 0").doesNotContain("\"generated_content\": 0");
        assertThat(lean)
                .filteredOn(command -> command.collection().equals("brain_knowledge"))
                .hasSize(1);
    }

    /** The command that read the page: an aggregation on MongoDB, a find on the embedded server. */
    private static String sessionsRead(List<Command> commands) {
        return commands.stream()
                .filter(command -> command.name().equals("aggregate")
                        || (command.name().equals("find")
                                && command.collection().equals("sessions")))
                .map(Command::document)
                .map(BsonDocument::toJson)
                .findFirst()
                .orElseThrow();
    }

    private static GraphQlTester.Response start(SignedIn user, Map<String, Object> input) {
        return user.graphQl()
                .document(START)
                .variable("input", new HashMap<>(input))
                .execute();
    }
}
