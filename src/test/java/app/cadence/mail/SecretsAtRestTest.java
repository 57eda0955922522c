package app.cadence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.service.MemberAdministration;
import app.cadence.security.service.PasswordReset;
import app.cadence.signup.service.SignUpService;
import app.cadence.signup.service.SignUpService.SignUpForm;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Audit finding 2: someone with a copy of the database (a backup, the H2 file) reads every
 * column of the outbox and finds no working link, token or invitation code in it.
 */
@IntegrationTest
class SecretsAtRestTest {

    @Autowired Fixtures fixtures;
    @Autowired Mailbox mailbox;
    @Autowired TenantScope scope;
    @Autowired MemberAdministration administration;
    @Autowired PasswordReset reset;
    @Autowired SignUpService signUp;

    @Test
    void noColumnOfTheOutboxHoldsALinkATokenOrACode() {
        Member admin = fixtures.member(fixtures.tenant("Vault"), Role.ADMIN);
        Member pm = fixtures.member(fixtures.tenant("Vault"), Role.PM);
        String invitee = Fixtures.unique("invitee") + "@vault.test";
        String founder = Fixtures.unique("founder") + "@vault.test";

        scope.call(admin.userId(), admin.tenantId(), () -> administration.invite(invitee, Role.PM));
        reset.requestLink(pm.email());
        signUp.request(new SignUpForm(Fixtures.unique("Vault Org"), "Fay Founder", founder, "a long enough pass phrase"));

        String stored = mailbox.storedText();
        List<Mailbox.Mail> mails = List.of(mailbox.last(invitee), mailbox.last(pm.email()), mailbox.last(founder));
        for (Mailbox.Mail mail : mails) {
            assertThat(mail.token()).hasSizeGreaterThan(40);
            assertThat(stored).as(mail.kind().label()).doesNotContain(mail.token(), mail.emailedLink());
            assertThat(stored).doesNotContain(mail.body().lines().filter(l -> l.contains("://")).toList().toArray(String[]::new));
        }
        String code = mailbox.last(invitee).code();
        assertThat(stored).doesNotContain(code, code.replace("-", ""));
    }
}
