package app.brainbuddy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BrainBuddyApplication {

    public static void main(String[] args) {
        SpringApplication.run(BrainBuddyApplication.class, args);
    }
}
