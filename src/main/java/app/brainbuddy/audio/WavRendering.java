package app.brainbuddy.audio;

import app.brainbuddy.session.BrainwaveSessionContent;
import app.brainbuddy.session.Pulse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;

/**
 * A brainwave session rendered as a 16-bit stereo PCM WAV file, computed sample by sample from the
 * sample's index alone. So any byte range can be written without rendering what comes before it, the
 * bytes are the same whichever range asks for them, and memory stays one small buffer whatever the
 * duration. Tones lie on a 0.1 Hz grid: a tone's phase at a frame is an exact integer fraction, so the
 * loop, a whole number of periods of every tone and of the pulse, joins its start exactly.
 */
final class WavRendering {

    static final int HEADER_BYTES = 44;

    private static final int FRAMES_PER_CHUNK = 4096;

    /** Frame rate times ten: tones in tenths of a hertz complete whole cycles in multiples of this. */
    private final long tenthsPerSecond;

    private final long[] leftTenths;
    private final long[] rightTenths;
    private final @Nullable Pulse pulse;
    private final long pulseTenths;
    private final long frames;
    private final long fadeInFrames;
    private final long fadeOutFrames;
    private final double level;
    private final AudioFormat format;

    WavRendering(BrainwaveSessionContent content, AudioFormat format) {
        this.format = format;
        this.tenthsPerSecond = 10L * format.sampleRate();
        this.leftTenths = tenths(content.channelTonesHz(true));
        this.rightTenths = tenths(content.channelTonesHz(false));
        this.pulse = content.pulse();
        this.pulseTenths = pulse == null ? 0 : Math.round(pulse.rateHz() * 10);
        this.level = content.suggestedLevel();
        if (format.loop()) {
            this.frames = loopFrames();
            this.fadeInFrames = 0;
            this.fadeOutFrames = 0;
        } else {
            this.frames = (long) content.durationSeconds() * format.sampleRate();
            this.fadeInFrames = Math.round(content.fadeInSeconds() * format.sampleRate());
            this.fadeOutFrames = Math.round(content.fadeOutSeconds() * format.sampleRate());
        }
    }

    /** The whole file's length in bytes. */
    long size() {
        return HEADER_BYTES + frames * AudioFormat.BYTES_PER_FRAME;
    }

    double durationSeconds() {
        return (double) frames / format.sampleRate();
    }

    /**
     * The shortest run of frames after which every tone and the pulse are back at their starting phase:
     * a tone of k tenths of a hertz repeats every N / gcd(k, N) frames (N = ten times the rate), so all
     * of them repeat every N / gcd(all k, N) frames, at most ten seconds.
     */
    long loopFrames() {
        long common = LongStream.concat(
                        LongStream.concat(LongStream.of(leftTenths), LongStream.of(rightTenths)),
                        pulse == null ? LongStream.empty() : LongStream.of(pulseTenths))
                .reduce(tenthsPerSecond, WavRendering::gcd);
        return tenthsPerSecond / common;
    }

    /** Writes bytes {@code from} to {@code to} (inclusive) of the file. */
    void write(OutputStream out, long from, long to) throws IOException {
        long next = from;
        if (next < HEADER_BYTES) {
            byte[] header = header();
            int end = (int) Math.min(to + 1, HEADER_BYTES);
            out.write(header, (int) next, end - (int) next);
            next = end;
        }
        byte[] chunk = new byte[FRAMES_PER_CHUNK * AudioFormat.BYTES_PER_FRAME];
        while (next <= to) {
            long offset = next - HEADER_BYTES;
            long firstFrame = offset / AudioFormat.BYTES_PER_FRAME;
            int count = (int) Math.min(FRAMES_PER_CHUNK, frames - firstFrame);
            render(firstFrame, count, chunk);
            int skip = (int) (offset % AudioFormat.BYTES_PER_FRAME);
            int length = (int) Math.min((long) count * AudioFormat.BYTES_PER_FRAME - skip, to + 1 - next);
            out.write(chunk, skip, length);
            next += length;
            // rendering is CPU work on a virtual thread: a fast reader would hold a carrier thread (one
            // of two cores here) for the whole file; yielding per chunk (~1 ms) lets other requests run
            Thread.yield();
        }
    }

    private void render(long firstFrame, int count, byte[] into) {
        for (int i = 0; i < count; i++) {
            long frame = firstFrame + i;
            double gain = level * fade(frame) * envelope(frame);
            int at = i * AudioFormat.BYTES_PER_FRAME;
            putSample(into, at, gain * tones(leftTenths, frame));
            putSample(into, at + AudioFormat.BYTES_PER_SAMPLE, gain * tones(rightTenths, frame));
        }
    }

    /** The mean of the channel's tones at this frame, so that the sum never exceeds full scale. */
    private double tones(long[] tenths, long frame) {
        double sum = 0;
        for (long tone : tenths) {
            sum += Math.sin(2 * Math.PI * phase(tone, frame));
        }
        return sum / tenths.length;
    }

    private double envelope(long frame) {
        return pulse == null ? 1 : pulse.envelope(phase(pulseTenths, frame));
    }

    private double fade(long frame) {
        double in = fadeInFrames == 0 ? 1 : Math.min(1, (double) frame / fadeInFrames);
        double out = fadeOutFrames == 0 ? 1 : Math.min(1, (double) (frames - 1 - frame) / fadeOutFrames);
        return Math.min(in, out);
    }

    /** The fraction of its period a tone of this many tenths of a hertz has completed at a frame, exactly. */
    private double phase(long tenths, long frame) {
        return (double) Math.floorMod(tenths * frame, tenthsPerSecond) / tenthsPerSecond;
    }

    private static void putSample(byte[] into, int at, double value) {
        int sample = (int) Math.round(Math.max(-1, Math.min(1, value)) * Short.MAX_VALUE);
        into[at] = (byte) sample;
        into[at + 1] = (byte) (sample >> 8);
    }

    private byte[] header() {
        long data = frames * AudioFormat.BYTES_PER_FRAME;
        int byteRate = format.sampleRate() * AudioFormat.BYTES_PER_FRAME;
        byte[] header = new byte[HEADER_BYTES];
        ascii(header, 0, "RIFF");
        little(header, 4, 36 + data, 4);
        ascii(header, 8, "WAVE");
        ascii(header, 12, "fmt ");
        little(header, 16, 16, 4);
        little(header, 20, 1, 2); // PCM
        little(header, 22, AudioFormat.CHANNELS, 2);
        little(header, 24, format.sampleRate(), 4);
        little(header, 28, byteRate, 4);
        little(header, 32, AudioFormat.BYTES_PER_FRAME, 2);
        little(header, 34, 8 * AudioFormat.BYTES_PER_SAMPLE, 2);
        ascii(header, 36, "data");
        little(header, 40, data, 4);
        return header;
    }

    private static void ascii(byte[] into, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            into[at + i] = (byte) text.charAt(i);
        }
    }

    private static void little(byte[] into, int at, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            into[at + i] = (byte) (value >> (8 * i));
        }
    }

    private static long[] tenths(List<Double> hz) {
        return hz.stream().mapToLong(tone -> Math.round(tone * 10)).toArray();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
