package app.brainbuddy.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar brain-buddy-api.jar --reencrypt-models} rewrites every stored model that an older
 * key encrypted with the keyset's current primary key, then exits. Run it after adding a new primary
 * key ({@code --rotate-model-key}); once it reports nothing left, the old keys can leave the keyset. A
 * model no key of the keyset can read, of a legacy shape, or tampered with is rebuilt from the user's
 * rated sessions, as a request would rebuild it, and reported.
 */
@Component
public class ModelReencryption implements ApplicationRunner {

    static final String OPTION = "reencrypt-models";

    private static final Logger log = LoggerFactory.getLogger(ModelReencryption.class);

    private final ModelStore store;
    private final ModelTraining training;

    ModelReencryption(ModelStore store, ModelTraining training) {
        this.store = store;
        this.training = training;
    }

    public static boolean isRequested(String[] args) {
        return Arrays.asList(args).contains("--" + OPTION);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        Outcome outcome = reencryptAll();
        log.info("Re-encrypted {} personal models with the primary key", outcome.rewritten());
        if (!outcome.rebuilt().isEmpty()) {
            log.warn(
                    "{} models were unreadable (legacy, unknown key or tampered; see the warnings above) and were"
                            + " rebuilt from their users' rated sessions: users {}",
                    outcome.rebuilt().size(),
                    outcome.rebuilt());
        }
    }

    /** How many models were rewritten as they were, and the users whose models were rebuilt instead. */
    record Outcome(int rewritten, List<String> rebuilt) {}

    /**
     * Re-encrypts the models not yet under the primary key and rebuilds those it cannot read. A model that a
     * rating changed meanwhile needs nothing more: every write encrypts with the primary key.
     */
    Outcome reencryptAll() {
        int rewritten = 0;
        List<String> rebuilt = new ArrayList<>();
        for (ModelStore.Stored stored : store.all()) {
            PersonalModel model = store.read(stored).model();
            if (model == null) {
                training.sync(stored.userId(), Set.of());
                rebuilt.add(stored.userId());
            } else if (store.needsReencryption(stored)) {
                rewritten += store.write(stored.userId(), stored, model).isPresent() ? 1 : 0;
            }
        }
        return new Outcome(rewritten, rebuilt);
    }
}
