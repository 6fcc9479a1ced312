package app.brainbuddy.model;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the learning loop counts, as Micrometer counters (see docs/personal-model.md): models rebuilt from the ratings
 * by reason, tampered models as security events, ratings stored but learned only later, and those caught up.
 */
@Component
class ModelMetrics {

    private static final Logger log = LoggerFactory.getLogger(ModelMetrics.class);

    private final MeterRegistry registry;
    private final Counter deferred;
    private final Counter caughtUp;

    ModelMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.deferred = Counter.builder("brainbuddy.model.learning.deferred")
                .description("Stored ratings the personal model could not learn at once (answered as stored)")
                .register(registry);
        this.caughtUp = Counter.builder("brainbuddy.model.learning.caught.up")
                .description("Stored ratings the personal model learned later than the write that stored them")
                .register(registry);
    }

    void rebuilt(RebuildReason reason, String userId, int steps) {
        Counter.builder("brainbuddy.model.rebuilds")
                .description("Personal models rebuilt from the user's rated sessions, by reason")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        if (reason == RebuildReason.TAMPERED) {
            Counter.builder("brainbuddy.security.events")
                    .description("Security events, by type")
                    .tag("type", "tampered_model")
                    .register(registry)
                    .increment();
            log.warn(
                    "SECURITY: the stored model of user {} failed authentication under a key we hold (altered or moved);"
                            + " replaced by a rebuild from {} rated sessions",
                    userId,
                    steps);
        } else {
            log.warn(
                    "The stored model of user {} was unusable ({}); rebuilt from {} rated sessions",
                    userId,
                    reason.name().toLowerCase(Locale.ROOT),
                    steps);
        }
    }

    void deferred(String userId, int ratings, RuntimeException cause) {
        deferred.increment(ratings);
        log.warn(
                "{} rating(s) of user {} are stored, but the model could not learn them now ({});"
                        + " it catches up on the user's next rating or recommendation",
                ratings,
                userId,
                cause.toString());
    }

    void caughtUp(int ratings) {
        caughtUp.increment(ratings);
    }
}
