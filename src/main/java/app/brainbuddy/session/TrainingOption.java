package app.brainbuddy.session;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A kind of session: a module, and for BRAINWAVE the band it aims at. */
public record TrainingOption(
        ModuleType moduleType, @Nullable BrainwaveTarget target) {

    public TrainingOption {
        if (!moduleType.fits(target)) {
            throw new IllegalArgumentException(moduleType + " does not fit target " + target);
        }
    }

    /** Every kind of session, or those of one module. */
    public static List<TrainingOption> of(@Nullable ModuleType moduleType) {
        return Arrays.stream(ModuleType.values())
                .filter(module -> moduleType == null || module == moduleType)
                .flatMap(module -> module == ModuleType.BRAINWAVE
                        ? Arrays.stream(BrainwaveTarget.values()).map(target -> new TrainingOption(module, target))
                        : Stream.of(new TrainingOption(module, null)))
                .toList();
    }
}
