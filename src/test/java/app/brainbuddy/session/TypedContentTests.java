package app.brainbuddy.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** {@code TrainingSession.content} as a client reads it: for every module and delivery, and for old data. */
class TypedContentTests extends GraphQlIntegrationTest {

    /** One account for the table cases that neither see nor change each other's sessions: sign-ups are slow by design. */
    private static SignedIn listener;

    private synchronized SignedIn listener() {
        if (listener == null) {
            listener = signUp();
        }
        return listener;
    }

    static Stream<Arguments> deliveries() {
        return Stream.of(
                Arguments.of(BrainwaveTarget.DELTA, true, "BINAURAL"),
                Arguments.of(BrainwaveTarget.THETA, true, "BINAURAL"),
                Arguments.of(BrainwaveTarget.ALPHA, true, "BINAURAL"),
                Arguments.of(BrainwaveTarget.BETA, true, "BINAURAL"),
                Arguments.of(BrainwaveTarget.GAMMA, true, "ISOCHRONIC"),
                Arguments.of(BrainwaveTarget.DELTA, false, "MONAURAL"),
                Arguments.of(BrainwaveTarget.THETA, false, "MONAURAL"),
                Arguments.of(BrainwaveTarget.ALPHA, false, "MONAURAL"),
                Arguments.of(BrainwaveTarget.BETA, false, "MONAURAL"),
                Arguments.of(BrainwaveTarget.GAMMA, false, "ISOCHRONIC"));
    }

    @ParameterizedTest(name = "{0} headphones={1} is {2}")
    @MethodSource("deliveries")
    void brainwaveContentIsTypedWithTheDeliveryThatFitsTheListener(
            BrainwaveTarget target, boolean headphones, String delivery) {
        GraphQlTester.Response started = start(
                listener(),
                Map.of(
                        "moduleType",
                        "BRAINWAVE",
                        "brainwaveTarget",
                        target.name(),
                        "durationSeconds",
                        600,
                        "headphones",
                        headphones));

        String content = "startSession.content.";
        started.path(content + "__typename").entity(String.class).isEqualTo("BrainwaveSessionContent");
        started.path(content + "delivery").entity(String.class).isEqualTo(delivery);
        double carrier =
                started.path(content + "carrierHz").entity(Double.class).get();
        double beat = started.path(content + "beatHz").entity(Double.class).get();
        assertThat(carrier).isBetween(200.0, 500.0);
        assertThat(beat).isBetween(target.lowHz(), target.highHz());
        started.path(content + "headphonesRequired").entity(Boolean.class).isEqualTo(delivery.equals("BINAURAL"));
        started.path(content + "headphonesReason")
                .entity(String.class)
                .satisfies(reason -> assertThat(reason).isNotBlank());
        started.path(content + "fadeInSeconds")
                .entity(Double.class)
                .satisfies(fade -> assertThat(fade).isPositive());
        started.path(content + "fadeOutSeconds")
                .entity(Double.class)
                .satisfies(fade -> assertThat(fade).isPositive());
        started.path(content + "suggestedLevel")
                .entity(Double.class)
                .satisfies(level -> assertThat(level).isBetween(0.01, 1.0));
        assertThat(started.path(content + "safetyNotes[*].kind")
                        .entityList(String.class)
                        .get())
                .contains("NOT_WHILE_DRIVING", "SEIZURE_CAUTION");
        List<Double> tones =
                started.path(content + "tonesHz").entityList(Double.class).get();
        switch (delivery) {
            case "BINAURAL" -> {
                started.path(content + "leftEarHz").entity(Double.class).isEqualTo(carrier);
                started.path(content + "rightEarHz")
                        .entity(Double.class)
                        .isEqualTo(Math.round((carrier + beat) * 10) / 10.0);
                started.path(content + "pulse").valueIsNull();
            }
            case "MONAURAL" -> {
                assertThat(tones).containsExactly(carrier, Math.round((carrier + beat) * 10) / 10.0);
                started.path(content + "leftEarHz").valueIsNull();
                started.path(content + "pulse").valueIsNull();
                started.path(content + "deliveryReason")
                        .entity(String.class)
                        .satisfies(reason -> assertThat(reason).contains("monaural beats 0.30", "0.15 for isochronic"));
                assertThat(started.path("startSession.evidence[*].stimulusType")
                                .entityList(String.class)
                                .get())
                        .contains("monaural_beats");
            }
            default -> {
                assertThat(tones).containsExactly(carrier);
                started.path(content + "pulse.rateHz").entity(Double.class).isEqualTo(beat);
                started.path(content + "pulse.dutyCycle")
                        .entity(Double.class)
                        .satisfies(duty -> assertThat(duty).isStrictlyBetween(0.0, 1.0));
                started.path(content + "pulse.shape").entity(String.class).isEqualTo("RAISED_COSINE");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = ModuleType.class,
            names = {"MOVERS", "PFC_GYM", "MENTAL_REHEARSAL"})
    void routineContentIsTypedWithBlocksThatFillTheSession(ModuleType module) {
        GraphQlTester.Response started =
                start(listener(), Map.of("moduleType", module.name(), "durationSeconds", 1234, "localHour", 11));

        started.path("startSession.content.__typename").entity(String.class).isEqualTo("RoutineSessionContent");
        started.path("startSession.content.intensity").entity(String.class).isEqualTo("DEMANDING");
        started.path("startSession.content.habitDrill").valueIsNull();
        List<Integer> seconds = started.path("startSession.content.blocks[*].seconds")
                .entityList(Integer.class)
                .get();
        assertThat(seconds.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1234);
        assertThat(started.path("startSession.content.blocks[0].steps")
                        .entityList(String.class)
                        .get())
                .isNotEmpty();
    }

    @Test
    void aPfcGymSessionRehearsesTheHabitLoopWithTheLowestRecentSuccess() {
        SignedIn user = signUp();
        String often = createHabit(user, "NEGATIVE_LOOP", "after lunch", "walk around the block", 120);
        String struggling = createHabit(user, "NEGATIVE_LOOP", "stress at work", "cyclic sighing", 90);
        createHabit(user, "POSITIVE_ROUTINE", "morning coffee", "read one page", 60);
        attempt(user, often, true);
        attempt(user, often, true);
        attempt(user, struggling, false);
        attempt(user, struggling, true);

        GraphQlTester.Response started = start(user, Map.of("moduleType", "PFC_GYM", "durationSeconds", 600));

        String drill = "startSession.content.habitDrill.";
        started.path(drill + "habitId").entity(String.class).isEqualTo(struggling);
        started.path(drill + "technique").entity(String.class).isEqualTo("cyclic sighing");
        started.path(drill + "trigger").entity(String.class).isEqualTo("stress at work");
        started.path(drill + "evidenceNote")
                .entity(String.class)
                .satisfies(note -> assertThat(note).contains("implementation intention", "0.70"));
        started.path("startSession.content.blocks[0].id").entity(String.class).isEqualTo("habit_interrupt");
        started.path("startSession.content.blocks[0].seconds")
                .entity(Integer.class)
                .isEqualTo(90);
        assertThat(started.path("startSession.content.blocks[0].steps")
                        .entityList(String.class)
                        .get())
                .anySatisfy(step -> assertThat(step).contains("stress at work"))
                .anySatisfy(step -> assertThat(step).contains("cyclic sighing"));
        List<Integer> seconds = started.path("startSession.content.blocks[*].seconds")
                .entityList(Integer.class)
                .get();
        assertThat(seconds.stream().mapToInt(Integer::intValue).sum()).isEqualTo(600);
        assertThat(started.path("startSession.evidence[*].stimulusType")
                        .entityList(String.class)
                        .get())
                .contains("implementation_intentions");

        start(user, Map.of("moduleType", "PFC_GYM", "durationSeconds", 600, "habitId", often))
                .path(drill + "technique")
                .entity(String.class)
                .isEqualTo("walk around the block");
    }

    @Test
    void aHabitOfAnotherUserOrAHabitForAnotherModuleIsRefusedAndWritesNothing() {
        SignedIn owner = signUp();
        String habit = createHabit(owner, "NEGATIVE_LOOP", "boredom", "box breathing", 60);
        SignedIn other = signUp();
        long before = count("sessions");

        assertSingleError(
                start(other, Map.of("moduleType", "PFC_GYM", "durationSeconds", 600, "habitId", habit)),
                ErrorType.NOT_FOUND);
        assertSingleError(
                start(owner, Map.of("moduleType", "MOVERS", "durationSeconds", 600, "habitId", habit)),
                ErrorType.BAD_REQUEST);
        assertThat(count("sessions")).isEqualTo(before);
    }

    static Stream<Arguments> storedShapes() {
        return Stream.of(
                Arguments.of(
                        "seed brainwave: frequency and duration only",
                        "brainwave",
                        "alpha",
                        new Document("frequency", 10).append("duration", 600),
                        "BrainwaveSessionContent"),
                Arguments.of(
                        "seed gamma: isochronic by band",
                        "brainwave",
                        "gamma",
                        new Document("frequency", 40.04).append("duration", 600),
                        "BrainwaveSessionContent"),
                Arguments.of(
                        "brainwave with a text frequency",
                        "brainwave",
                        "theta",
                        new Document("frequency", "six").append("duration", 600),
                        "UnknownSessionContent"),
                Arguments.of(
                        "brainwave with a delivery of another shape",
                        "brainwave",
                        "beta",
                        new Document("frequency", 20)
                                .append("delivery", "binaural")
                                .append("carrier_frequency", -3),
                        "BrainwaveSessionContent"),
                Arguments.of("empty content", "brainwave", "delta", new Document(), "UnknownSessionContent"),
                Arguments.of(
                        "routine without blocks",
                        "movers",
                        null,
                        new Document("duration", 600),
                        "UnknownSessionContent"),
                Arguments.of(
                        "routine blocks of another shape",
                        "pfc_gym",
                        null,
                        new Document("routine", List.of(new Document("name", "x"))),
                        "UnknownSessionContent"),
                Arguments.of(
                        "routine blocks with title and seconds only",
                        "mental_rehearsal",
                        null,
                        new Document("routine", List.of(new Document("title", "Rehearse").append("seconds", 600))),
                        "RoutineSessionContent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedShapes")
    void sessionsStoredInAnyShapeReadAsTheClosestTypedContentNeverAnError(
            String name, String module, String target, Document stored, String typename) {
        SignedIn user = listener();
        ObjectId id = new ObjectId();
        Document session = new Document("_id", id)
                .append("user_id", user.id())
                .append("module_type", module)
                .append("generated_content", stored)
                .append("timestamp", Date.from(Instant.parse("2026-01-01T10:00:00Z")))
                .append("duration_seconds", 600);
        if (target != null) {
            session.append("brainwave_target", target);
        }
        mongo.getCollection("sessions").insertOne(session);

        GraphQlTester.Response read = user.graphQl()
                .documentName("sessionContent")
                .operationName("sessionWithContent")
                .variable("id", id.toHexString())
                .execute();

        read.errors().verify();
        read.path("session.content.__typename").entity(String.class).isEqualTo(typename);
        read.path("session.content.durationSeconds").entity(Integer.class).isEqualTo(600);
        read.path("session.generatedContent")
                .entity(Map.class)
                .satisfies(raw -> assertThat(raw).containsAllEntriesOf(new HashMap<>(stored)));
        if (name.startsWith("seed")) {
            read.path("session.content.beatHz")
                    .entity(Double.class)
                    .satisfies(beat -> assertThat(beat)
                            .isEqualTo(Math.round(((Number) stored.get("frequency")).doubleValue() * 10) / 10.0));
            read.path("session.content.delivery")
                    .entity(String.class)
                    .isEqualTo(target.equals("gamma") ? "ISOCHRONIC" : "BINAURAL");
        }
    }

    @Test
    void theSchemaMarksGeneratedContentDeprecatedAndKeepsIt() {
        GraphQlTester.Response type = listener().graphQl().document("""
                        { __type(name: "TrainingSession") {
                            fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }""").execute();

        List<Map<String, Object>> fields = type.path("__type.fields").entityList(Map.class).get().stream()
                .map(field -> (Map<String, Object>) field)
                .toList();
        assertThat(fields)
                .anySatisfy(field -> {
                    assertThat(field).containsEntry("name", "generatedContent").containsEntry("isDeprecated", true);
                    assertThat((String) field.get("deprecationReason")).contains("content");
                })
                .anySatisfy(field ->
                        assertThat(field).containsEntry("name", "content").containsEntry("isDeprecated", false));
    }

    private static GraphQlTester.Response start(SignedIn user, Map<String, Object> input) {
        return user.graphQl()
                .documentName("sessionContent")
                .operationName("startWithContent")
                .variable("input", input)
                .execute();
    }

    private static String createHabit(SignedIn user, String type, String trigger, String technique, int seconds) {
        return user.graphQl()
                .documentName("createHabit")
                .variable(
                        "input",
                        Map.of(
                                "habitType",
                                type,
                                "trigger",
                                trigger,
                                "routine",
                                "the old routine",
                                "reward",
                                "relief",
                                "interruptProtocol",
                                Map.of("technique", technique, "durationSeconds", seconds)))
                .execute()
                .path("createHabit.id")
                .entity(String.class)
                .get();
    }

    private static void attempt(SignedIn user, String habitId, boolean success) {
        user.graphQl()
                .documentName("recordHabitAttempt")
                .variable("input", Map.of("habitId", habitId, "success", success))
                .execute()
                .path("recordHabitAttempt.id")
                .hasValue();
    }
}
