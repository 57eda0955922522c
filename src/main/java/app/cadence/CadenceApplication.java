package app.cadence;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
// Module listeners that react to another module's committed events run on their own threads.
@EnableAsync
public class CadenceApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CadenceApplication.class);
        // -Dcadence.startup.jfr=true with -XX:StartFlightRecording: each bean's creation and each
        // start-up phase as a flight recorder event (docs/deployment.md, "A faster start").
        if (Boolean.getBoolean("cadence.startup.jfr")) {
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }

    /** Injected wherever time matters, so that time-based rules are testable. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
