package app.brainbuddy;

import app.brainbuddy.mongo.DumpCommand;
import java.time.Clock;
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
        if (DumpCommand.isRequested(args)) {
            SpringApplication dump = new SpringApplication(BrainBuddyApplication.class);
            dump.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(dump.run(args)));
        }
        SpringApplication.run(BrainBuddyApplication.class, args);
    }
}
