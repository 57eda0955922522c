package app.cadence.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.mail.domain.EmailKind;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.signup.service.SignUpService;
import app.cadence.signup.service.SignUpService.SignUpForm;
import app.cadence.signup.service.SignUpService.Status;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.support.TestClock;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantChoice;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelectionService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** Sign-up: confirmed by email, the same answer for known and unknown addresses, links used once. */
@IntegrationTest
class SignUpTest {

    static final String PASSWORD = "initech tps report cover";

    @Autowired SignUpService signUp;
    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantSelectionService selection;
    @Autowired TemplateLibrary templates;
    @Autowired JdbcTemplate jdbc;
    @Autowired Mailbox mailbox;
    @Autowired TestClock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    List<Mailbox.Mail> mailsTo(String email) {
        return mailbox.to(email);
    }

    static String token(Mailbox.Mail mail) {
        assertThat(mail.link()).contains("/signup/confirm/");
        return mail.token();
    }

    @Test
    void aNewOrganisationExistsOnlyOnceItsAddressIsConfirmed() {
        String email = Fixtures.unique("bill") + "@initech.example";
        String organisation = Fixtures.unique("Initech");
        signUp.request(new SignUpForm(organisation, "Bill Lumbergh", email, PASSWORD));

        List<Mailbox.Mail> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().kind()).isEqualTo(EmailKind.SIGN_UP);
        assertThat(mails.getFirst().tenantId()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from tenant where name = ?", Long.class, organisation)).isZero();

        String token = token(mails.getFirst());
        var details = signUp.look(token).orElseThrow();
        assertThat(details.status()).isEqualTo(Status.READY);
        assertThat(details.accountExists()).isFalse();

        Long tenantId = signUp.completeAsNewUser(token);
        assertThat(signUp.look(token).orElseThrow().status()).isEqualTo(Status.COMPLETED);
        assertThatThrownBy(() -> signUp.completeAsNewUser(token)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("already been created");

        Long userId = jdbc.queryForObject("select id from user_account where email = ?", Long.class, email);
        assertThat(scope.call(userId, tenantId, () -> selection.choices()))
                .extracting(TenantChoice::tenantId, TenantChoice::role).contains(org.assertj.core.groups.Tuple.tuple(tenantId, Role.ADMIN));
        // The starter templates follow for the new organisation (TenantCreated, after the commit).
        assertThat(app.cadence.support.Eventually.until("the starter library",
                () -> scope.call(userId, tenantId, () -> templates.applicable()), list -> !list.isEmpty())).isNotEmpty();
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndSignsInToCreateTheOrganisation() {
        Member consultant = fixtures.member(fixtures.tenant("Globex"), Role.PM);
        String organisation = Fixtures.unique("Initech");
        // No exception, no different outcome for the person at the form: only the email differs.
        assertThatCode(() -> signUp.request(new SignUpForm(organisation, "Consultant", consultant.email(), PASSWORD))).doesNotThrowAnyException();
        Mailbox.Mail mail = mailsTo(consultant.email()).getLast();
        assertThat(mail.body()).contains("already have a Cadence account");
        String token = token(mail);
        assertThat(signUp.look(token).orElseThrow().accountExists()).isTrue();
        assertThatThrownBy(() -> signUp.completeAsNewUser(token)).isInstanceOf(RuleViolationException.class);

        SecurityContextHolder.getContext().setAuthentication(consultant.authenticationWithoutTenant());
        Long tenantId = signUp.completeAsSignedIn(token);
        assertThat(selection.choices()).extracting(TenantChoice::tenantId).contains(tenantId, consultant.tenantId());
        assertThat(selection.select(tenantId).role()).isEqualTo(Role.ADMIN);
        // The password typed in the form did not replace the account's own.
        assertThat(jdbc.queryForObject("select count(*) from user_account where email = ?", Long.class, consultant.email())).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndExpiredLinksAreRefused() {
        assertThatThrownBy(() -> signUp.request(new SignUpForm("", "Bill", "bill@initech.example", PASSWORD)))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("field", "organisationName");
        assertThatThrownBy(() -> signUp.request(new SignUpForm("Initech", "", "bill@initech.example", PASSWORD)))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("field", "displayName");
        assertThatThrownBy(() -> signUp.request(new SignUpForm("Initech", "Bill", "bill at initech", PASSWORD)))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("field", "email");
        assertThatThrownBy(() -> signUp.request(new SignUpForm("Initech", "Bill", "bill@initech.example", "too short")))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("field", "password");

        String email = Fixtures.unique("slow") + "@initech.example";
        signUp.request(new SignUpForm("Slow Corp", "Slow", email, PASSWORD));
        String token = token(mailsTo(email).getFirst());
        clock.advance(Duration.ofDays(2));
        try {
            assertThat(signUp.look(token).orElseThrow().status()).isEqualTo(Status.EXPIRED);
            assertThatThrownBy(() -> signUp.completeAsNewUser(token)).isInstanceOf(RuleViolationException.class).hasMessageContaining("expired");
        } finally {
            clock.advance(Duration.ofDays(-2));
        }
        assertThat(signUp.look("made-up")).isEmpty();
    }

    @Test
    void oneInboxGetsAtMostThreeSignUpMailsAnHour() {
        String email = Fixtures.unique("flood") + "@initech.example";
        for (int i = 0; i < 5; i++) {
            signUp.request(new SignUpForm("Flood " + i, "Victim", email, PASSWORD));
        }
        assertThat(mailsTo(email)).hasSize(3);
    }
}
