package app.brainbuddy.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/** A decoded 16-bit stereo PCM WAV file, and the spectral measurements the audio tests make on it. */
record Wav(int sampleRate, double[] left, double[] right) {

    /** Samples per spectrum: 0.74 s at 22.05 kHz, bins 1.35 Hz apart. */
    static final int SIZE = 16384;

    double binHz() {
        return (double) sampleRate / SIZE;
    }

    /** The spectrum of {@link #SIZE} samples from the middle of the file, well away from the fades. */
    double[] middleSpectrum(double[] channel) {
        return spectrum(channel, left.length / 2, SIZE);
    }

    static Wav decode(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(file, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        assertThat(in.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(in.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(in.getShort(34)).as("bits per sample").isEqualTo((short) 16);
        int rate = in.getInt(24);
        int dataBytes = in.getInt(40);
        assertThat(file.length).isEqualTo(44 + dataBytes);
        int frames = dataBytes / 4;
        double[] left = new double[frames];
        double[] right = new double[frames];
        for (int i = 0; i < frames; i++) {
            left[i] = in.getShort(44 + 4 * i) / 32768.0;
            right[i] = in.getShort(44 + 4 * i + 2) / 32768.0;
        }
        return new Wav(rate, left, right);
    }

    /** The magnitude spectrum of {@code size} samples (a power of two) from {@code start}, Hann-windowed. */
    static double[] spectrum(double[] samples, int start, int size) {
        double[] windowed = new double[size];
        for (int i = 0; i < size; i++) {
            windowed[i] = samples[start + i] * 0.5 * (1 - Math.cos(2 * Math.PI * i / (size - 1)));
        }
        Complex[] bins =
                new FastFourierTransformer(DftNormalization.STANDARD).transform(windowed, TransformType.FORWARD);
        double[] magnitude = new double[size / 2];
        for (int i = 0; i < magnitude.length; i++) {
            magnitude[i] = bins[i].abs();
        }
        return magnitude;
    }

    /** The frequency of the strongest bin between {@code lowHz} and {@code highHz}. */
    static double peakHz(double[] magnitude, double binHz, double lowHz, double highHz) {
        int best = -1;
        for (int i = (int) Math.ceil(lowHz / binHz); i <= Math.min(magnitude.length - 1, highHz / binHz); i++) {
            if (best < 0 || magnitude[i] > magnitude[best]) {
                best = i;
            }
        }
        return best * binHz;
    }

    /** The largest magnitude within {@code widthHz} of a frequency. */
    static double levelAt(double[] magnitude, double binHz, double hz, double widthHz) {
        double level = 0;
        for (int i = (int) Math.floor((hz - widthHz) / binHz); i <= Math.ceil((hz + widthHz) / binHz); i++) {
            level = Math.max(level, magnitude[i]);
        }
        return level;
    }

    static double rms(double[] samples, int start, int length) {
        double sum = 0;
        for (int i = start; i < start + length; i++) {
            sum += samples[i] * samples[i];
        }
        return Math.sqrt(sum / length);
    }
}
