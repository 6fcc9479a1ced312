package app.brainbuddy.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import jakarta.validation.Validator;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

class KnowledgeTests extends GraphQlIntegrationTest {

    private static final int STARTER_ENTRIES = 20;

    @Autowired
    private StarterKnowledge starter;

    @Autowired
    private KnowledgeService knowledgeService;

    @Autowired
    private Validator validator;

    @Test
    void theStarterEvidenceIsThereFromTheStartWithItsStrengthsAndNotes() {
        Map<String, AddKnowledgeInput> starterById = starterById();
        Map<String, Map<String, Object>> listed = new HashMap<>();
        for (Map<String, Object> node : allPages(Map.of(), 100)) {
            listed.put((String) node.get("id"), node);
        }

        assertThat(listed).containsKeys(starterById.keySet().toArray(String[]::new));
        starterById.forEach((id, entry) -> {
            Map<String, Object> node = listed.get(id);
            assertThat(node)
                    .containsEntry("stimulusType", entry.stimulusType())
                    .containsEntry("outcome", entry.outcome())
                    .containsEntry("evidenceNote", entry.evidenceNote())
                    .containsEntry("stimulusParameters", entry.stimulusParameters());
            assertThat(((Number) node.get("evidenceStrength")).doubleValue()).isEqualTo(entry.evidenceStrength());
            assertThat((List<?>) node.get("citations"))
                    .hasSize(entry.citations().size());
        });
    }

    @Test
    void theStarterDataKeepsTheMixedBinauralBeatEvidenceModest() {
        List<AddKnowledgeInput> binaural = starter.entries().stream()
                .filter(entry -> entry.stimulusType().equals("binaural_beats"))
                .toList();

        assertThat(starter.entries()).hasSize(STARTER_ENTRIES);
        assertThat(binaural)
                .hasSize(8)
                .allSatisfy(entry -> assertThat(entry.evidenceStrength()).isLessThanOrEqualTo(0.5));
        assertThat(binaural)
                .filteredOn(entry -> entry.outcome().equals("increased_focus"))
                .extracting(AddKnowledgeInput::evidenceStrength)
                .containsExactlyInAnyOrder(0.25, 0.2);
    }

    @Test
    void everyStarterEntryPassesTheChecksOfAnAdministratorsEntryAndHasItsOwnId() {
        for (AddKnowledgeInput entry : starter.entries()) {
            assertThat(validator.validate(entry)).as(entry.outcome()).isEmpty();
            knowledgeService.checkContent(entry.stimulusParameters(), entry.citations());
        }
        assertThat(starterById()).hasSize(STARTER_ENTRIES);
    }

    @Test
    void theKnowledgeBaseListsTheStrongestEvidenceFirst() {
        List<Map<String, Object>> nodes = allPages(Map.of(), 100);

        for (int i = 1; i < nodes.size(); i++) {
            double before = strength(nodes.get(i - 1));
            double after = strength(nodes.get(i));
            assertThat(after).isLessThanOrEqualTo(before);
            if (after == before) {
                assertThat(new ObjectId((String) nodes.get(i).get("id")))
                        .isLessThan(new ObjectId((String) nodes.get(i - 1).get("id")));
            }
        }
        assertThat(strength(nodes.get(0))).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void filtersNarrowTheKnowledgeBaseToEntriesMatchingEveryPart() {
        assertFilter(
                Map.of("stimulusType", "binaural_beats"),
                entry -> entry.stimulusType().equals("binaural_beats"));
        assertFilter(
                Map.of("outcome", "increased_focus"), entry -> entry.outcome().equals("increased_focus"));
        assertFilter(Map.of("minEvidence", 0.6), entry -> entry.evidenceStrength() >= 0.6);
        assertFilter(
                Map.of("stimulusType", "physical_exercise", "minEvidence", 0.5),
                entry -> entry.stimulusType().equals("physical_exercise") && entry.evidenceStrength() >= 0.5);
    }

    @Test
    void pagesFollowTheirCursorsWithoutGapsOrRepeats() {
        Map<String, Object> binaural = Map.of("stimulusType", "binaural_beats");
        List<Object> inOnePage =
                allPages(binaural, 100).stream().map(node -> node.get("id")).toList();

        List<Object> inPagesOfThree =
                allPages(binaural, 3).stream().map(node -> node.get("id")).toList();

        assertThat(inOnePage).hasSizeGreaterThanOrEqualTo(8);
        assertThat(inPagesOfThree).isEqualTo(inOnePage);
    }

    @Test
    void seedingAgainLeavesAKnowledgeBaseThatHoldsAnythingAlone() {
        long before = count("brain_knowledge");

        assertThat(starter.seed()).isZero();

        assertThat(count("brain_knowledge")).isEqualTo(before);
    }

    @Test
    void anEmptiedKnowledgeBaseIsFilledWithExactlyTheStarterEntries() {
        mongo.remove(new Query(), BrainKnowledge.class);

        assertThat(starter.seed()).isEqualTo(STARTER_ENTRIES);

        assertThat(count("brain_knowledge")).isEqualTo(STARTER_ENTRIES);
        assertThat(storedIds())
                .containsExactlyInAnyOrderElementsOf(starterById().keySet());
        Document stored = mongo.getCollection("brain_knowledge").find().first();
        assertThat(stored).isNotNull();
        assertThat(stored.keySet())
                .containsExactlyInAnyOrder(
                        "_id",
                        "stimulus_type",
                        "stimulus_parameters",
                        "outcome",
                        "evidence_strength",
                        "evidence_note",
                        "citations",
                        "created_at");
        assertThat(stored.getList("citations", Document.class).get(0).keySet())
                .containsExactlyInAnyOrder("title", "authors", "year", "doi");
        assertThat(starter.seed()).isZero();
    }

    @Test
    void instancesSeedingAnEmptyKnowledgeBaseAtOnceInsertEachEntryOnce() throws Exception {
        mongo.remove(new Query(), BrainKnowledge.class);
        int instances = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Integer>> inserted = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                inserted.add(pool.submit(() -> {
                    start.await();
                    return starter.seed();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> each : inserted) {
                total += each.get();
            }
            assertThat(total).isEqualTo(STARTER_ENTRIES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("brain_knowledge")).isEqualTo(STARTER_ENTRIES);
    }

    @Test
    void editedAndDeletedStarterEntriesStayAsTheAdministratorLeftThem() {
        SignedIn admin = admin();
        List<String> starterIds = List.copyOf(starterById().keySet());
        String edited = starterIds.get(0);
        String deleted = starterIds.get(1);
        try {
            update(admin, Map.of("id", edited, "evidenceStrength", 0.05))
                    .errors()
                    .verify();
            delete(admin, deleted).errors().verify();

            assertThat(starter.seed()).isZero();

            assertThat(stored(edited)).isNotNull().containsEntry("evidence_strength", 0.05);
            assertThat(stored(deleted)).isNull();
        } finally {
            mongo.remove(new Query(), BrainKnowledge.class);
            starter.seed();
        }
    }

    @Test
    void anAdministratorAddsAnEntryThatIsListedAndStoredWithTheExistingFieldNames() {
        SignedIn admin = admin();
        long before = count("brain_knowledge");
        String stimulus = uniqueStimulus();

        GraphQlTester.Response added = add(admin, entry(stimulus));

        String id = added.path("addKnowledge.id").entity(String.class).get();
        added.path("addKnowledge.stimulusType").entity(String.class).isEqualTo(stimulus);
        added.path("addKnowledge.evidenceStrength").entity(Double.class).isEqualTo(0.4);
        added.path("addKnowledge.evidenceNote").entity(String.class).isEqualTo("Two small trials agree.");
        added.path("addKnowledge.citations[0].title").entity(String.class).isEqualTo("A trial");
        added.path("addKnowledge.stimulusParameters.beat_frequency")
                .entity(Integer.class)
                .isEqualTo(10);
        added.path("addKnowledge.createdAt").hasValue();
        assertThat(count("brain_knowledge")).isEqualTo(before + 1);
        assertThat(allPages(Map.of("stimulusType", stimulus), 10))
                .extracting(node -> node.get("id"))
                .containsExactly(id);

        Document stored = stored(id);
        assertThat(stored).isNotNull();
        assertThat(stored)
                .containsEntry("stimulus_type", stimulus)
                .containsEntry("outcome", "reduced_anxiety")
                .containsEntry("evidence_strength", 0.4)
                .containsEntry("evidence_note", "Two small trials agree.");
        assertThat(stored.get("stimulus_parameters", Document.class))
                .containsEntry("band", "alpha")
                .containsEntry("beat_frequency", 10)
                .containsEntry("ranges", List.of(1, 30));
        assertThat(stored.getList("citations", Document.class).get(0))
                .containsEntry("year", 2020)
                .containsEntry("doi", "10.1000/trial.1");
    }

    @Test
    void parametersWrittenInTheDocumentItselfAreStoredAsTheNumbersTheyAre() {
        SignedIn admin = admin();
        String stimulus = uniqueStimulus();
        String id = admin.graphQl()
                .document("mutation($stimulus: String!) { addKnowledge(input: {stimulusType: $stimulus,"
                        + " stimulusParameters: {beat_frequency: 10, carrier: 200.5, headphones: true},"
                        + " outcome: \"reduced_anxiety\", evidenceStrength: 0.3, citations: [{title: \"A trial\","
                        + " authors: \"Doe J\", year: 2020, doi: \"10.1000/trial.1\"}]}) { id } }")
                .variable("stimulus", stimulus)
                .execute()
                .path("addKnowledge.id")
                .entity(String.class)
                .get();

        Document stored = stored(id);
        assertThat(stored).isNotNull();
        assertThat(stored.get("stimulus_parameters", Document.class))
                .containsEntry("beat_frequency", 10)
                .containsEntry("carrier", 200.5)
                .containsEntry("headphones", true);
    }

    @Test
    void updateKnowledgeChangesOnlyTheGivenParts() {
        SignedIn admin = admin();
        String id = id(add(admin, entry(uniqueStimulus())));
        Document before = stored(id);

        GraphQlTester.Response updated = update(
                admin,
                Map.of(
                        "id",
                        id,
                        "evidenceStrength",
                        0.55,
                        "citations",
                        List.of(citation("  A larger trial  ", 2024, "10.1000/trial.2"))));

        updated.path("updateKnowledge.evidenceStrength").entity(Double.class).isEqualTo(0.55);
        updated.path("updateKnowledge.citations[*].title")
                .entityList(String.class)
                .containsExactly("A larger trial");
        updated.path("updateKnowledge.evidenceNote").entity(String.class).isEqualTo("Two small trials agree.");
        Document after = stored(id);
        assertThat(after).isNotNull();
        for (String unchanged :
                List.of("stimulus_type", "stimulus_parameters", "outcome", "evidence_note", "created_at")) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }

        Map<String, Object> removeNote = new HashMap<>();
        removeNote.put("id", id);
        removeNote.put("evidenceNote", null);
        update(admin, removeNote).path("updateKnowledge.evidenceNote").valueIsNull();
        assertThat(stored(id)).doesNotContainKey("evidence_note");
        update(admin, Map.of("id", id, "stimulusParameters", Map.of("band", "theta"), "outcome", "better_sleep"))
                .path("updateKnowledge.stimulusParameters")
                .entity(Map.class)
                .isEqualTo(Map.of("band", "theta"));
    }

    @Test
    void deleteKnowledgeRemovesTheEntryOnce() {
        SignedIn admin = admin();
        String id = id(add(admin, entry(uniqueStimulus())));

        delete(admin, id).path("deleteKnowledge").entity(String.class).isEqualTo(id);

        assertThat(stored(id)).isNull();
        assertSingleError(delete(admin, id), ErrorType.NOT_FOUND);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        SignedIn admin = admin();
        for (String id : List.of(new ObjectId().toHexString(), "not-an-id")) {
            assertSingleError(update(admin, Map.of("id", id, "evidenceStrength", 0.5)), ErrorType.NOT_FOUND);
            assertSingleError(delete(admin, id), ErrorType.NOT_FOUND);
        }
    }

    @Test
    void invalidEntriesAreRefusedAndWriteNothing() {
        SignedIn admin = admin();
        long before = count("brain_knowledge");
        String stimulus = uniqueStimulus();
        int nextYear = Year.now(ZoneOffset.UTC).getValue() + 1;
        List<Map<String, Object>> refused = new ArrayList<>();
        refused.add(with(entry(stimulus), "evidenceStrength", -0.01));
        refused.add(with(entry(stimulus), "evidenceStrength", 1.01));
        for (String identifier : List.of("Binaural_beats", "binaural beats", "", "1st", "a".repeat(65), "é")) {
            refused.add(with(entry(stimulus), "stimulusType", identifier));
            refused.add(with(entry(stimulus), "outcome", identifier));
        }
        refused.add(with(entry(stimulus), "evidenceNote", "n".repeat(2001)));
        refused.add(with(entry(stimulus), "citations", List.of()));
        refused.add(with(
                entry(stimulus), "citations", Collections.nCopies(21, citation("A trial", 2020, "10.1000/trial.1"))));
        for (Map<String, Object> citation : invalidCitations(nextYear)) {
            refused.add(with(entry(stimulus), "citations", List.of(citation)));
        }
        for (Object parameters : invalidParameters()) {
            refused.add(with(entry(stimulus), "stimulusParameters", parameters));
        }

        for (Map<String, Object> input : refused) {
            assertSingleError(add(admin, input), ErrorType.BAD_REQUEST);
        }
        assertThat(count("brain_knowledge")).isEqualTo(before);
        add(admin, with(entry(stimulus), "citations", List.of(citation("In press", nextYear, "10.1000/x"))))
                .errors()
                .verify();
        add(admin, with(entry(stimulus), "evidenceNote", "n".repeat(2000)))
                .errors()
                .verify();
    }

    @Test
    void invalidUpdatesAreRefusedAndChangeNothing() {
        SignedIn admin = admin();
        String id = id(add(admin, entry(uniqueStimulus())));
        Document before = stored(id);
        int nextYear = Year.now(ZoneOffset.UTC).getValue() + 1;
        List<Map<String, Object>> refused = new ArrayList<>();
        refused.add(Map.of("id", id));
        refused.add(Map.of("id", id, "evidenceStrength", 1.5));
        refused.add(Map.of("id", id, "stimulusType", "Not An Identifier"));
        refused.add(Map.of("id", id, "outcome", "x".repeat(65)));
        refused.add(Map.of("id", id, "evidenceNote", "n".repeat(2001)));
        refused.add(Map.of("id", id, "citations", List.of()));
        for (Map<String, Object> citation : invalidCitations(nextYear)) {
            refused.add(Map.of("id", id, "citations", List.of(citation)));
        }
        for (Object parameters : invalidParameters()) {
            refused.add(Map.of("id", id, "stimulusParameters", parameters));
        }

        for (Map<String, Object> input : refused) {
            assertSingleError(update(admin, input), ErrorType.BAD_REQUEST);
        }
        assertThat(stored(id)).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsWriteTheKnowledgeBase() {
        SignedIn admin = admin();
        SignedIn user = signUp();
        String id = id(add(admin, entry(uniqueStimulus())));
        Document before = stored(id);
        long entries = count("brain_knowledge");

        assertSingleError(add(user, entry(uniqueStimulus())), ErrorType.FORBIDDEN);
        assertSingleError(update(user, Map.of("id", id, "evidenceStrength", 0.9)), ErrorType.FORBIDDEN);
        assertSingleError(delete(user, id), ErrorType.FORBIDDEN);
        assertSingleError(write(anonymous(), "addKnowledge", entry(uniqueStimulus())), ErrorType.UNAUTHORIZED);
        assertSingleError(
                anonymous()
                        .document("mutation($id: ID!) { deleteKnowledge(id: $id) }")
                        .variable("id", id)
                        .execute(),
                ErrorType.UNAUTHORIZED);

        assertThat(stored(id)).isEqualTo(before);
        assertThat(count("brain_knowledge")).isEqualTo(entries);
    }

    private void assertFilter(Map<String, Object> filter, Predicate<AddKnowledgeInput> matches) {
        List<Map<String, Object>> nodes = allPages(filter, 100);
        List<String> expected = starterById().entrySet().stream()
                .filter(entry -> matches.test(entry.getValue()))
                .map(Map.Entry::getKey)
                .toList();

        assertThat(expected).as("starter entries matching %s", filter).isNotEmpty();
        assertThat(nodes).extracting(node -> node.get("id")).containsAll(expected);
        for (Map<String, Object> node : nodes) {
            if (filter.containsKey("stimulusType")) {
                assertThat(node).containsEntry("stimulusType", filter.get("stimulusType"));
            }
            if (filter.containsKey("outcome")) {
                assertThat(node).containsEntry("outcome", filter.get("outcome"));
            }
            if (filter.containsKey("minEvidence")) {
                assertThat(strength(node)).isGreaterThanOrEqualTo((Double) filter.get("minEvidence"));
            }
        }
    }

    /** Every entry matching the filter, following the cursors page by page. */
    private List<Map<String, Object>> allPages(Map<String, Object> filter, int first) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("filter", filter);
            variables.put("first", first);
            variables.put("after", after);
            GraphQlTester.Response page = anonymous()
                    .documentName("knowledge")
                    .fragmentName("knowledgeEntry")
                    .variables(variables)
                    .execute();
            List<Map<String, Object>> edges = page.path("knowledge.edges[*].node")
                    .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                    .get();
            assertThat(edges).hasSizeLessThanOrEqualTo(first);
            nodes.addAll(edges);
            more = page.path("knowledge.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = page.path("knowledge.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }
        return nodes;
    }

    private Map<String, AddKnowledgeInput> starterById() {
        Map<String, AddKnowledgeInput> byId = new LinkedHashMap<>();
        starter.entries().forEach(entry -> byId.put(starter.idOf(entry), entry));
        return byId;
    }

    private List<String> storedIds() {
        List<String> ids = new ArrayList<>();
        mongo.getCollection("brain_knowledge")
                .find()
                .forEach(document -> ids.add(document.getObjectId("_id").toHexString()));
        return ids;
    }

    private @Nullable Document stored(String id) {
        return mongo.getCollection("brain_knowledge")
                .find(new Document("_id", new ObjectId(id)))
                .first();
    }

    private static double strength(Map<String, Object> node) {
        return ((Number) node.get("evidenceStrength")).doubleValue();
    }

    private static List<Map<String, Object>> invalidCitations(int nextYear) {
        return List.of(
                citation("", 2020, "10.1000/trial.1"),
                citation("t".repeat(501), 2020, "10.1000/trial.1"),
                with(citation("A trial", 2020, "10.1000/trial.1"), "authors", " "),
                with(citation("A trial", 2020, "10.1000/trial.1"), "authors", "a".repeat(501)),
                citation("A trial", 1799, "10.1000/trial.1"),
                citation("A trial", nextYear + 1, "10.1000/trial.1"),
                citation("A trial", 2020, "doi:10.1000/trial.1"),
                citation("A trial", 2020, "https://doi.org/10.1000/trial.1"),
                citation("A trial", 2020, "10.100/trial.1"),
                citation("A trial", 2020, "10.1000/"),
                citation("A trial", 2020, "10.1000/has space"),
                citation("A trial", 2020, "10.1000/" + "x".repeat(201)));
    }

    private static List<Object> invalidParameters() {
        Map<String, Object> manyKeys = new LinkedHashMap<>();
        IntStream.range(0, 33).forEach(i -> manyKeys.put("key_" + i, i));
        Map<String, Object> nestedKeys = new LinkedHashMap<>();
        IntStream.range(0, 17).forEach(i -> nestedKeys.put("key_" + i, Map.of("value", i)));
        return List.of(
                manyKeys,
                nestedKeys,
                Map.of("a", Map.of("b", Map.of("c", Map.of("d", 1)))),
                Map.of("a", List.of(List.of(List.of(1)))),
                Map.of("text", "x".repeat(4100)),
                Map.of("beat.frequency", 10),
                Map.of("band", Map.of("$gt", "")),
                List.of(1, 2),
                "alpha");
    }

    private static GraphQlTester.Response add(SignedIn admin, Map<String, Object> input) {
        return write(admin.graphQl(), "addKnowledge", input);
    }

    private static GraphQlTester.Response update(SignedIn admin, Map<String, Object> input) {
        return write(admin.graphQl(), "updateKnowledge", input);
    }

    private static GraphQlTester.Response write(GraphQlTester client, String mutation, Map<String, Object> input) {
        return client.documentName(mutation)
                .fragmentName("knowledgeEntry")
                .variable("input", input)
                .execute();
    }

    private static GraphQlTester.Response delete(SignedIn admin, String id) {
        return admin.graphQl()
                .document("mutation($id: ID!) { deleteKnowledge(id: $id) }")
                .variable("id", id)
                .execute();
    }

    private static String id(GraphQlTester.Response added) {
        return added.path("addKnowledge.id").entity(String.class).get();
    }

    /** Entries the tests add have a stimulus of their own, so that they never mix with the starter data. */
    private static String uniqueStimulus() {
        return "test_stimulus_" + System.nanoTime();
    }

    private static Map<String, Object> entry(String stimulusType) {
        return Map.of(
                "stimulusType",
                stimulusType,
                "stimulusParameters",
                Map.of("band", "alpha", "beat_frequency", 10, "ranges", List.of(1, 30)),
                "outcome",
                "reduced_anxiety",
                "evidenceStrength",
                0.4,
                "evidenceNote",
                "  Two small trials agree.  ",
                "citations",
                List.of(citation("A trial", 2020, "10.1000/trial.1")));
    }

    private static Map<String, Object> citation(String title, int year, String doi) {
        return Map.of("title", title, "authors", "Doe J, Roe R", "year", year, "doi", doi);
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(key, value);
        return changed;
    }
}
