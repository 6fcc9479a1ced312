package app.brainbuddy;

import app.brainbuddy.keys.KeyCommands;
import app.brainbuddy.model.ModelReencryption;
import app.brainbuddy.mongo.DumpCommand;
import java.time.Clock;
import java.util.OptionalInt;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BrainBuddyApplication {

    /** Time comes from here, so that tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        OptionalInt keyCommand = KeyCommands.run(args, System.out);
        if (keyCommand.isPresent()) {
            System.exit(keyCommand.getAsInt());
        }
        if (DumpCommand.isRequested(args) || ModelReencryption.isRequested(args)) {
            SpringApplication command = new SpringApplication(BrainBuddyApplication.class);
            command.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(command.run(args)));
        }
        SpringApplication.run(BrainBuddyApplication.class, args);
    }
}
