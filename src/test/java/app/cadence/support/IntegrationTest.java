package app.cadence.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the test database (H2, or MariaDB with the 'mariadb' Maven profile).
 * Every test class uses this one annotation so that all share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@Import({TestClock.Config.class, PasswordChecks.Config.class, Fixtures.class, Mailbox.class})
public @interface IntegrationTest {
}
