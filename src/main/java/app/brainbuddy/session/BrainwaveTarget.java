package app.brainbuddy.session;

import app.brainbuddy.knowledge.BrainKnowledge;
import java.util.List;

/** The EEG band a brainwave session aims at, with its limits in Hz; stored lowercase. */
public enum BrainwaveTarget {
    ALPHA(8, 13),
    BETA(13, 30),
    THETA(4, 8),
    DELTA(0.5, 4),
    GAMMA(30, 45);

    /** Binaural beats are perceived only up to about this beat frequency. */
    static final double BINAURAL_LIMIT_HZ = 30;

    private final double lowHz;
    private final double highHz;

    BrainwaveTarget(double lowHz, double highHz) {
        this.lowHz = lowHz;
        this.highHz = highHz;
    }

    public double lowHz() {
        return lowHz;
    }

    public double highHz() {
        return highHz;
    }

    /** Whether a beat frequency lies inside this band, limits included. */
    public boolean contains(double hz) {
        return hz >= lowHz && hz <= highHz;
    }

    /**
     * The beat frequency the evidence names for this band (the first entry about it that names one,
     * in the order given: strongest first), or the band's middle; what a session gets when the caller
     * names no frequency, give or take a tenth of the band.
     */
    public double namedHz(List<BrainKnowledge> evidence) {
        return BrainwaveContent.namedFrequency(this, BrainwaveContent.relevant(this, delivery(true), evidence));
    }

    /** Whether binaural beats can deliver this band; above ~30 Hz they are not perceived. */
    boolean binaural() {
        return highHz <= BINAURAL_LIMIT_HZ;
    }

    /**
     * How to deliver this band: binaural beats with headphones, monaural beats without them (the
     * knowledge base rates them above isochronic tones), isochronic pulses for gamma whatever the
     * listener has, since binaural beats above ~30 Hz are not perceived.
     */
    public BeatDelivery delivery(boolean headphones) {
        if (!binaural()) {
            return BeatDelivery.ISOCHRONIC;
        }
        return headphones ? BeatDelivery.BINAURAL : BeatDelivery.MONAURAL;
    }
}
