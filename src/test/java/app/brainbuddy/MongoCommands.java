package app.brainbuddy;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Records the commands the application sends to MongoDB, as the driver sees them. */
@TestConfiguration(proxyBeanMethods = false)
public class MongoCommands implements CommandListener {

    private static final Set<String> HOUSEKEEPING =
            Set.of("hello", "isMaster", "ismaster", "buildInfo", "ping", "endSessions");

    private final List<Command> commands = new CopyOnWriteArrayList<>();

    /** One command: its name, the collection it addresses and the whole command document. */
    public record Command(String name, String collection, BsonDocument document) {}

    @Bean
    MongoClientSettingsBuilderCustomizer recordMongoCommands() {
        return builder -> builder.addCommandListener(this);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!HOUSEKEEPING.contains(event.getCommandName())) {
            var value = event.getCommand().get(event.getCommandName());
            String collection =
                    value != null && value.isString() ? value.asString().getValue() : "";
            commands.add(new Command(
                    event.getCommandName(), collection, event.getCommand().clone()));
        }
    }

    /** Runs the action and returns the commands sent while it ran. */
    public List<Command> during(Runnable action) {
        commands.clear();
        action.run();
        return List.copyOf(commands);
    }
}
