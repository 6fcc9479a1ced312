package app.brainbuddy.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import app.brainbuddy.GraphQlIntegrationTest;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The session audio a player fetches with the signed link: decoded and checked with an FFT against
 * the tones the session's content states.
 */
class SessionAudioTests extends GraphQlIntegrationTest {

    @Autowired
    private RSAKey signingKey;

    @Autowired
    private AudioSettings settings;

    /** One account for the cases that only read their own sessions: sign-ups are slow by design. */
    private static SignedIn listener;

    private synchronized SignedIn listener() {
        if (listener == null) {
            listener = signUp();
        }
        return listener;
    }

    @Test
    void binauralAudioPlaysEachEarsToneInItsOwnChannel() {
        GraphQlTester.Response session = start("ALPHA", true, false);
        Wav wav = Wav.decode(fetch(session).getResponseBody());
        double left = number(session, "leftEarHz");
        double right = number(session, "rightEarHz");
        double binHz = wav.binHz();

        double[] leftSpectrum = wav.middleSpectrum(wav.left());
        double[] rightSpectrum = wav.middleSpectrum(wav.right());

        assertThat(Wav.peakHz(leftSpectrum, binHz, 20, 2000)).isCloseTo(left, offset(binHz));
        assertThat(Wav.peakHz(rightSpectrum, binHz, 20, 2000)).isCloseTo(right, offset(binHz));
        // each ear hears nothing of the other's tone (they are 8-13 Hz apart: several bins)
        assertThat(Wav.levelAt(leftSpectrum, binHz, right, binHz))
                .isLessThan(Wav.levelAt(leftSpectrum, binHz, left, binHz) / 20);
        assertThat(Wav.levelAt(rightSpectrum, binHz, left, binHz))
                .isLessThan(Wav.levelAt(rightSpectrum, binHz, right, binHz) / 20);
    }

    @Test
    void monauralAudioPlaysBothTonesInBothChannels() {
        GraphQlTester.Response session = start("THETA", false, false);
        session.path("startSession.content.delivery").entity(String.class).isEqualTo("MONAURAL");
        Wav wav = Wav.decode(fetch(session).getResponseBody());
        List<Double> tones = session.path("startSession.content.tonesHz")
                .entityList(Double.class)
                .get();
        double binHz = wav.binHz();

        for (double[] channel : List.of(wav.left(), wav.right())) {
            double[] spectrum = wav.middleSpectrum(channel);
            double strongest = Arrays.stream(spectrum).max().orElseThrow();
            for (double tone : tones) {
                assertThat(Wav.levelAt(spectrum, binHz, tone, binHz)).isGreaterThan(strongest / 2);
            }
            // a frequency between and away from the tones holds next to nothing
            assertThat(Wav.levelAt(spectrum, binHz, tones.get(0) + 100, binHz)).isLessThan(strongest / 100);
        }
    }

    @Test
    void isochronicAudioPulsesAtTheBeat() {
        GraphQlTester.Response session = start("GAMMA", true, false);
        Wav wav = Wav.decode(fetch(session).getResponseBody());
        double beat = number(session, "beatHz");
        double carrier = number(session, "carrierHz");
        double binHz = wav.binHz();
        double[] rectified = Arrays.stream(wav.left()).map(Math::abs).toArray();

        double[] envelope = wav.middleSpectrum(rectified);
        double[] tone = wav.middleSpectrum(wav.right());

        assertThat(Wav.peakHz(envelope, binHz, 2, 100)).isCloseTo(beat, offset(binHz));
        assertThat(Wav.peakHz(tone, binHz, 100, 2000)).isCloseTo(carrier, offset(2 * binHz));
        // the envelope's energy sits at the beat, not spread out: compare with a frequency off its harmonics
        assertThat(Wav.levelAt(envelope, binHz, beat, binHz))
                .isGreaterThan(Wav.levelAt(envelope, binHz, beat / 3 + 1.3, binHz) * 5);
    }

    @Test
    void theAudioFadesInAndOut() {
        GraphQlTester.Response session = start("BETA", true, false);
        Wav wav = Wav.decode(fetch(session).getResponseBody());
        double fadeIn = number(session, "fadeInSeconds");
        int rate = wav.sampleRate();
        int frames = wav.left().length;
        int tenth = rate / 10;

        double full = Wav.rms(wav.left(), frames / 2, tenth);
        assertThat(wav.left()[0]).isEqualTo(0.0);
        assertThat(wav.left()[frames - 1]).isCloseTo(0.0, offset(1e-4));
        assertThat(Wav.rms(wav.left(), 0, tenth)).isLessThan(full * 0.05);
        assertThat(Wav.rms(wav.left(), (int) (fadeIn * rate / 2), tenth)).isBetween(full * 0.4, full * 0.6);
        assertThat(Wav.rms(wav.left(), frames - tenth, tenth)).isLessThan(full * 0.05);
        assertThat(full).isGreaterThan(0.1);
    }

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("the first bytes, inside the header", "bytes=0-9", 0, 9),
                Arguments.of("across the header's end, at an odd offset", "bytes=41-1000", 41, 1000),
                Arguments.of("mid-frame to mid-frame", "bytes=100001-300002", 100001, 300002),
                Arguments.of("open-ended", "bytes=5000000-", 5000000, -1),
                Arguments.of("the last bytes", "bytes=-777", -777, -1),
                Arguments.of("past the end, clipped", "bytes=5291900-99999999", 5291900, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void aRangeAnswersExactlyThoseBytesOfTheFullFile(String name, String header, long first, long last) {
        GraphQlTester.Response session = start("DELTA", true, false);
        String url = url(session);
        byte[] full = player().get()
                .uri(url)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        long from = first < 0 ? full.length + first : first;
        long to = last < 0 ? full.length - 1 : last;

        EntityExchangeResult<byte[]> part = player().get()
                .uri(url)
                .header(HttpHeaders.RANGE, header)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PARTIAL_CONTENT)
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_RANGE, "bytes %d-%d/%d".formatted(from, to, full.length))
                .expectHeader()
                .contentLength(to - from + 1)
                .expectBody(byte[].class)
                .returnResult();

        assertThat(part.getResponseBody()).isEqualTo(Arrays.copyOfRange(full, (int) from, (int) to + 1));
    }

    @Test
    void theFullFileStatesItsLengthRangesAndCaching() {
        GraphQlTester.Response session = start("ALPHA", true, false);
        session.path("startSession.audio.format").entity(String.class).isEqualTo("audio/wav");
        session.path("startSession.audio.durationSeconds").entity(Double.class).isEqualTo(60.0);

        EntityExchangeResult<byte[]> full = fetch(session);

        assertThat(full.getResponseBody()).hasSize(44 + 60 * 22050 * 4);
        HttpHeaders headers = full.getResponseHeaders();
        assertThat(headers.getContentLength()).isEqualTo(44 + 60 * 22050 * 4);
        assertThat(headers.getFirst(HttpHeaders.ACCEPT_RANGES)).isEqualTo("bytes");
        assertThat(headers.getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("audio/wav");
        assertThat(headers.getCacheControl()).startsWith("private, max-age=");
        assertThat(headers.getETag()).isNotBlank();
        player().get()
                .uri(url(session))
                .header(HttpHeaders.RANGE, "bytes=99999999-")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
    }

    @Test
    void theLoopIsAtMostTenSecondsAndItsEndJoinsItsStartWithoutAStep() {
        GraphQlTester.Response session = start("THETA", true, true);
        double seconds = session.path("startSession.audio.durationSeconds")
                .entity(Double.class)
                .get();
        Wav wav = Wav.decode(fetch(session).getResponseBody());

        assertThat(seconds).isPositive().isLessThanOrEqualTo(10.0);
        assertThat(wav.left().length).isEqualTo((int) Math.round(seconds * wav.sampleRate()));
        for (double[] channel : List.of(wav.left(), wav.right())) {
            double largestStep = 0;
            for (int i = 1; i < channel.length; i++) {
                largestStep = Math.max(largestStep, Math.abs(channel[i] - channel[i - 1]));
            }
            double join = Math.abs(channel[0] - channel[channel.length - 1]);
            assertThat(join).isLessThanOrEqualTo(largestStep);
            // no fades: the loop starts at full level, where a step would show
            assertThat(Wav.rms(channel, 0, wav.sampleRate() / 20)).isGreaterThan(0.1);
        }
    }

    @Test
    void anAlteredForeignOrExpiredLinkIsRefusedWithNothingRendered() throws Exception {
        GraphQlTester.Response session = start("ALPHA", true, false);
        String url = url(session);
        String other = startSessionOf(signUp());
        String id = session.path("startSession.id").entity(String.class).get();
        AudioLinks pastLinks =
                new AudioLinks(settings, signingKey, Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
        String expired = pastLinks
                .sign(id, listener().id(), 60, new AudioFormat(22050, false))
                .url();

        for (String refused : List.of(
                url.replace("signature=", "signature=x"),
                url.replace("rate=22050", "rate=44100"),
                url.replace("loop=false", "loop=true"),
                url.replaceFirst("expires=\\d+", "expires=99999999999"),
                url.replace(id, other),
                url.replace("user=" + listener().id(), "user=" + other),
                expired)) {
            EntityExchangeResult<byte[]> answer = player().get()
                    .uri(refused)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody(byte[].class)
                    .returnResult();
            assertThat(answer.getResponseBody()).as(refused).isNullOrEmpty();
        }
        player().get().uri(url).exchange().expectStatus().isOk();
    }

    @Test
    void routineSessionsHaveNoAudio() {
        listener()
                .graphQl()
                .documentName("sessionAudio")
                .operationName("startWithAudio")
                .variable("input", Map.of("moduleType", "MOVERS", "durationSeconds", 60))
                .execute()
                .path("startSession.audio")
                .valueIsNull();
    }

    private String startSessionOf(SignedIn owner) {
        return owner.graphQl()
                .documentName("sessionAudio")
                .operationName("startWithAudio")
                .variable("input", Map.of("moduleType", "BRAINWAVE", "brainwaveTarget", "ALPHA", "durationSeconds", 60))
                .execute()
                .path("startSession.id")
                .entity(String.class)
                .get();
    }

    private GraphQlTester.Response start(String target, boolean headphones, boolean loop) {
        return listener()
                .graphQl()
                .documentName("sessionAudio")
                .operationName("startWithAudio")
                .variable(
                        "input",
                        Map.of(
                                "moduleType",
                                "BRAINWAVE",
                                "brainwaveTarget",
                                target,
                                "durationSeconds",
                                60,
                                "headphones",
                                headphones))
                .variable("sampleRate", 22050)
                .variable("loop", loop)
                .execute();
    }

    /** A client that takes whole files: a minute of audio is about 5 MB. */
    private WebTestClient player() {
        return server().mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    private static double number(GraphQlTester.Response session, String field) {
        return session.path("startSession.content." + field)
                .entity(Double.class)
                .get();
    }

    private static String url(GraphQlTester.Response session) {
        return session.path("startSession.audio.url").entity(String.class).get();
    }

    private EntityExchangeResult<byte[]> fetch(GraphQlTester.Response session) {
        return player().get()
                .uri(url(session))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult();
    }
}
