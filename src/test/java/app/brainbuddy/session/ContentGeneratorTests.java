package app.brainbuddy.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.knowledge.BrainKnowledge;
import app.brainbuddy.user.Chronotype;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content generation as pure logic, over the knowledge base the project ships. The band checks are
 * property tests: they draw thousands of random seeds (and evidenced frequencies far outside every
 * band) on each run and report the failing seed. jqwik, which DESIGN names, is built on JUnit
 * Platform 1 and does not run on Boot 4's JUnit 6, so the properties are plain loops.
 */
class ContentGeneratorTests {

    private static final int SEEDS = 5_000;
    private static final List<BrainKnowledge> EVIDENCE = StarterEvidence.entries();
    private static final Map<String, BrainKnowledge> BY_ID =
            EVIDENCE.stream().collect(Collectors.toMap(BrainKnowledge::id, Function.identity()));

    private final ContentGenerator generator =
            new ContentGenerator(new RoutineLibrary(JsonMapper.builder().build()));

    @ParameterizedTest
    @EnumSource(BrainwaveTarget.class)
    void beatFrequenciesFallInsideTheBandForAnySeedAndAnyEvidencedFrequency(BrainwaveTarget target) {
        long runSeed = ThreadLocalRandom.current().nextLong();
        SplittableRandom draws = new SplittableRandom(runSeed);
        for (int i = 0; i < SEEDS * 10; i++) {
            double evidenced = draws.nextDouble(-100, 200);
            double beat = BrainwaveContent.beatFrequency(target, evidenced, new SplittableRandom(draws.nextLong()));
            assertThat(target.contains(beat))
                    .as("run seed %d, draw %d: %s Hz for %s from %s", runSeed, i, beat, target, evidenced)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(BrainwaveTarget.class)
    void generatedBrainwaveSessionsKeepBandCarrierAndDeliveryForAnySeed(BrainwaveTarget target) {
        long runSeed = ThreadLocalRandom.current().nextLong();
        SplittableRandom seeds = new SplittableRandom(runSeed);
        for (int i = 0; i < SEEDS; i++) {
            long seed = seeds.nextLong();
            Map<String, Object> content = brainwave(target, seed).content();
            double beat = (double) content.get("frequency");
            double carrier = (double) content.get("carrier_frequency");
            String context = "run seed %d, seed %d, %s".formatted(runSeed, seed, target);
            assertThat(target.contains(beat)).as(context).isTrue();
            assertThat(carrier).as(context).isBetween(200.0, 500.0);
            Map<?, ?> delivery = (Map<?, ?>) content.get("delivery");
            if (target == BrainwaveTarget.GAMMA) {
                assertThat(delivery.get("method")).as(context).isEqualTo("isochronic");
            } else {
                assertThat((double) delivery.get("right_ear_hz") - (double) delivery.get("left_ear_hz"))
                        .as(context)
                        .isCloseTo(beat, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameContentAndOtherSeedsVaryIt() {
        for (BrainwaveTarget target : BrainwaveTarget.values()) {
            assertThat(brainwave(target, 42)).isEqualTo(brainwave(target, 42));
        }
        Set<Object> frequencies = new SplittableRandom(7)
                .longs(50)
                .mapToObj(
                        seed -> brainwave(BrainwaveTarget.BETA, seed).content().get("frequency"))
                .collect(Collectors.toSet());
        assertThat(frequencies).hasSizeGreaterThan(5);
        ContentRequest movers = request(ModuleType.MOVERS, null, 1800, 11, 3);
        assertThat(generator.generate(movers, EVIDENCE)).isEqualTo(generator.generate(movers, EVIDENCE));
    }

    @Test
    void gammaIsDeliveredAsIsochronicPulsesAndSaysWhy() {
        GeneratedContent gamma = brainwave(BrainwaveTarget.GAMMA, 1);
        Map<?, ?> delivery = (Map<?, ?>) gamma.content().get("delivery");

        assertThat(delivery.get("headphones_required")).isEqualTo(false);
        assertThat((String) delivery.get("why")).contains("30 Hz").contains("isochronic");
        assertThat(stimuli(gamma)).contains("isochronic_tones", "monaural_beats", "chronotype_aligned_scheduling");
        assertThat((String) gamma.content().get("evidence_note")).contains("mixed");
    }

    @Test
    void deltaToBetaAreBinauralWithHeadphonesFromBinauralEvidenceOfTheirBand() {
        for (BrainwaveTarget target : EnumSet.range(BrainwaveTarget.ALPHA, BrainwaveTarget.DELTA)) {
            GeneratedContent content = brainwave(target, 9);
            Map<?, ?> delivery = (Map<?, ?>) content.content().get("delivery");
            assertThat(delivery.get("method")).isEqualTo("binaural");
            assertThat(delivery.get("headphones_required")).isEqualTo(true);
            assertThat(stimuli(content)).containsOnly("binaural_beats", "chronotype_aligned_scheduling");
        }
        // the one entry with a carrier in range (alpha, 200 Hz) is used as it is
        assertThat(brainwave(BrainwaveTarget.ALPHA, 5).content().get("carrier_frequency"))
                .isEqualTo(200.0);
        // theta's beat starts from the 5-6 Hz of its studies
        assertThat((double) brainwave(BrainwaveTarget.THETA, 5).content().get("frequency"))
                .isBetween(4.6, 5.4);
    }

    @Test
    void routinesAddUpToTheDurationExactlyForEveryDuration() {
        for (ModuleType module : EnumSet.complementOf(EnumSet.of(ModuleType.BRAINWAVE))) {
            for (int seconds = SessionLimits.SHORTEST_SECONDS; seconds <= SessionLimits.LONGEST_SECONDS; seconds += 7) {
                List<?> routine = (List<?>) generator
                        .generate(request(module, null, seconds, 12, seconds), EVIDENCE)
                        .content()
                        .get("routine");
                int total = routine.stream()
                        .mapToInt(block -> (int) ((Map<?, ?>) block).get("seconds"))
                        .sum();
                assertThat(total).as("%s for %d s", module, seconds).isEqualTo(seconds);
                assertThat(routine)
                        .allSatisfy(block -> assertThat((int) ((Map<?, ?>) block).get("seconds"))
                                .isPositive());
            }
        }
    }

    @Test
    void insideThePeakWindowRoutinesStartDemandingAndOutsideLight() {
        // a bear's peak is 10:00-14:00
        GeneratedContent peak = generator.generate(request(ModuleType.PFC_GYM, null, 600, 11, 1), EVIDENCE);
        GeneratedContent evening = generator.generate(request(ModuleType.PFC_GYM, null, 600, 21, 1), EVIDENCE);

        assertThat(firstBlock(peak).get("intensity")).isEqualTo("demanding");
        assertThat(((Map<?, ?>) peak.content().get("timing")).get("in_peak")).isEqualTo(true);
        assertThat(firstBlock(evening).get("intensity")).isEqualTo("light");
        assertThat(((Map<?, ?>) evening.content().get("timing")).get("peak_window"))
                .isEqualTo("10:00-14:00");
        assertThat(stimuli(peak)).contains("implementation_intentions", "chronotype_aligned_scheduling");
    }

    private GeneratedContent brainwave(BrainwaveTarget target, long seed) {
        return generator.generate(request(ModuleType.BRAINWAVE, target, 1200, 9, seed), EVIDENCE);
    }

    private static ContentRequest request(
            ModuleType module, BrainwaveTarget target, int seconds, int localHour, long seed) {
        return new ContentRequest(module, target, null, seconds, Chronotype.BEAR, localHour, seed, true, null);
    }

    private static Set<String> stimuli(GeneratedContent content) {
        return content.evidenceIds().stream()
                .map(id -> BY_ID.get(id).stimulusType())
                .collect(Collectors.toSet());
    }

    private static Map<?, ?> firstBlock(GeneratedContent content) {
        return (Map<?, ?>) ((List<?>) content.content().get("routine")).get(0);
    }
}
