package app.brainbuddy.audio;

/** What a link renders: 16-bit stereo PCM at a sample rate, the whole session or its shortest loop. */
record AudioFormat(int sampleRate, boolean loop) {

    static final int CD_RATE = 44_100;
    static final int HALF_RATE = 22_050;

    static final int CHANNELS = 2;
    static final int BYTES_PER_SAMPLE = 2;
    static final int BYTES_PER_FRAME = CHANNELS * BYTES_PER_SAMPLE;

    AudioFormat {
        if (sampleRate != CD_RATE && sampleRate != HALF_RATE) {
            throw new IllegalArgumentException("sample rate " + sampleRate);
        }
    }
}
