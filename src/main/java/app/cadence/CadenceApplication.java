package app.cadence;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
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
        SpringApplication.run(CadenceApplication.class, args);
    }

    /** Injected wherever time matters, so that time-based rules are testable. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
