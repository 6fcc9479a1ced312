package app.brainbuddy.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar brain-buddy-api.jar --reencrypt-models} rewrites every stored model that an older
 * key encrypted with the keyset's current primary key, then exits. Run it after adding a new primary
 * key; once it reports nothing left, the old keys can leave the keyset.
 */
@Component
public class ModelReencryption implements ApplicationRunner, ExitCodeGenerator {

    static final String OPTION = "reencrypt-models";

    private static final Logger log = LoggerFactory.getLogger(ModelReencryption.class);

    private final MongoTemplate mongo;
    private final ModelStore store;
    private int exitCode;

    ModelReencryption(MongoTemplate mongo, ModelStore store) {
        this.mongo = mongo;
        this.store = store;
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
        if (!outcome.unreadable().isEmpty()) {
            log.error(
                    "{} models could not be decrypted with this keyset and were left as they are: users {}",
                    outcome.unreadable().size(),
                    outcome.unreadable());
            exitCode = 1;
        }
    }

    /** How many models were rewritten, and the users whose models no key of the keyset could read. */
    record Outcome(int rewritten, List<String> unreadable) {}

    /**
     * Re-encrypts the models not yet under the primary key; a model that a rating changed meanwhile is
     * read again. A model no key can read is reported and left alone, never overwritten.
     */
    Outcome reencryptAll() {
        int rewritten = 0;
        List<String> unreadable = new ArrayList<>();
        for (UserModel model : mongo.findAll(UserModel.class)) {
            try {
                rewritten += reencrypt(model) ? 1 : 0;
            } catch (ModelCipher.TamperedModelException e) {
                unreadable.add(model.userId());
            }
        }
        return new Outcome(rewritten, unreadable);
    }

    private boolean reencrypt(UserModel model) {
        UserModel current = model;
        for (int round = 0; round < ModelTraining.MAX_ROUNDS && current != null; round++) {
            if (!store.needsReencryption(current)) {
                return false;
            }
            if (store.reencrypt(current)) {
                return true;
            }
            current = store.find(model.userId()).orElse(null);
        }
        return false;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
