package app.brainbuddy.mongo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar brain-buddy-api.jar --dump=DIR} writes the database (embedded or
 * {@code MONGODB_URL}) in mongodump's layout; {@code --restore=DIR [--drop]} reads one back. The
 * application then exits instead of serving.
 */
@Component
public class DumpCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(DumpCommand.class);

    private final MongoTemplate mongo;
    private int exitCode;

    DumpCommand(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static boolean isRequested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--dump=") || arg.startsWith("--restore="));
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            if (args.containsOption("dump")) {
                report("Dumped", MongoDumpFormat.dump(mongo.getDb(), directory(args, "dump")));
            } else if (args.containsOption("restore")) {
                report(
                        "Restored",
                        MongoDumpFormat.restore(
                                mongo.getDb(), directory(args, "restore"), args.containsOption("drop")));
            }
        } catch (RuntimeException e) {
            // a command-line tool: the message is for the person who ran it
            log.error(e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private static Path directory(ApplicationArguments args, String option) {
        return Path.of(args.getOptionValues(option).get(0));
    }

    private void report(String what, Map<String, Long> counts) {
        log.info("{} database {}: {}", what, mongo.getDb().getName(), counts);
    }
}
