package app.cadence.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The application on a real port with the demo data, for the browser journeys (headless
 * Chromium) and the tests of the real server beside them. Every such class uses this one
 * annotation so that all share one Spring context: a second context costs its start-up again
 * and, in one test JVM, would replace Spring Security's static context holder strategy under
 * the first one's tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cadence.demo-data=true",
        "spring.datasource.url=jdbc:h2:mem:cadence-journey;DB_CLOSE_DELAY=-1",
        // Dev mode's tools and Copilot overlay the header and would intercept clicks.
        "vaadin.devmode.devTools.enabled=false"})
@Import(Mailbox.class)
public @interface JourneyTest {
}
