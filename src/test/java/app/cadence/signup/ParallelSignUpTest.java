package app.cadence.signup;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.shared.domain.RuleViolationException;
import app.cadence.signup.service.SignUpService;
import app.cadence.signup.service.SignUpService.SignUpForm;
import app.cadence.support.Fixtures;
import app.cadence.support.IntegrationTest;
import app.cadence.support.PasswordChecks;
import app.cadence.support.Simultaneously;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-up's caps hold against requests fired at the same instant (audit finding C12), and are
 * counted before the password is hashed: a refused request costs no bcrypt.
 */
@IntegrationTest
class ParallelSignUpTest {

    static final int PARALLEL = 40;
    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Autowired SignUpService signUp;
    @Autowired PasswordChecks passwordChecks;
    @Autowired JdbcTemplate jdbc;
    @Value("${cadence.signup.max-per-address-per-hour}") int perAddress;

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void parallelRequestsSendAtMostThreeMailsToOneInboxAndHashOnlyThose() throws Exception {
        String email = Fixtures.unique("flood") + "@initech.example";
        String password = "initech tps report " + System.nanoTime();

        List<String> answers = Simultaneously.run(PARALLEL, i -> request(new SignUpForm("Flood " + i, "Victim", email, password),
                freshAddress()));

        assertThat(answers).as("the same answer for every request to one inbox").containsOnly("check your inbox");
        assertThat(mailsTo(email)).isEqualTo(3);
        assertThat(passwordChecks.encodingsOf(password)).as("bcrypt runs only for the requests that send a mail").isEqualTo(3);
    }

    @Test
    void parallelRequestsFromOneClientStopAtItsCapBeforeAnyHashing() throws Exception {
        String client = freshAddress();
        String password = "initech tps report " + System.nanoTime();
        String prefix = Fixtures.unique("spray");

        List<String> answers = Simultaneously.run(PARALLEL, i -> request(new SignUpForm("Spray " + i, "Spammer",
                prefix + "-" + i + "@initech.example", password), client));

        assertThat(answers).filteredOn("check your inbox"::equals).hasSize(perAddress);
        assertThat(answers).filteredOn(a -> a.startsWith("Too many sign-ups")).hasSize(PARALLEL - perAddress);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient like ?", Long.class, prefix + "-%"))
                .isEqualTo(perAddress);
        assertThat(passwordChecks.encodingsOf(password)).isEqualTo(perAddress);

        // Another client is not held back by this one.
        String other = Fixtures.unique("elsewhere") + "@initech.example";
        assertThat(request(new SignUpForm("Elsewhere", "Someone", other, password), freshAddress())).isEqualTo("check your inbox");
        assertThat(mailsTo(other)).isEqualTo(1);
    }

    private String request(SignUpForm form, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            signUp.request(form);
            return "check your inbox";
        } catch (RuleViolationException e) {
            return e.getMessage();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private long mailsTo(String email) {
        return jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Long.class, email);
    }

    private static String freshAddress() {
        int n = ADDRESS.incrementAndGet();
        return "10.92." + (n / 250) + "." + (n % 250 + 1);
    }
}
