package app.cadence.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.service.Email;
import app.cadence.mail.service.Outbox;
import app.cadence.mail.service.OutboxDispatcher;
import app.cadence.mail.service.OutboxEntry;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox table is not @TenantId (some mails belong to no tenant), so its tenant wall is the
 * service's own filter: an ADMIN sees only their organisation's mails, never another's and never
 * the tenant-less sign-up and password-reset mails, whose links would open other people's accounts.
 */
@IntegrationTest
class OutboxIsolationTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired TransactionTemplate transactions;
    @Autowired TestClock clock;

    Member acmeAdmin;
    Member globexAdmin;
    Long globexInvitation;

    @BeforeEach
    void twoTenantsWithMail() {
        acmeAdmin = fixtures.member(fixtures.tenant("Acme"), Role.ADMIN);
        Tenant globex = fixtures.tenant("Globex");
        globexAdmin = fixtures.member(globex, Role.ADMIN);
        enqueue(acmeAdmin, "first@acme.test", "Acme invitation 1");
        clock.advance(Duration.ofMinutes(1));
        enqueue(acmeAdmin, "second@acme.test", "Acme invitation 2");
        globexInvitation = enqueue(globexAdmin, "secret@globex.test", "Globex merger invitation");
        transactions.execute(s -> outbox.enqueueWithoutTenant(new Email(EmailKind.PASSWORD_RESET, acmeAdmin.email(),
                "Reset your password", "https://cadence.test/reset/token", "https://cadence.test/reset/token")));
    }

    @Test
    void anAdminListsOnlyTheOwnTenantsMailNewestFirst() {
        List<OutboxEntry> acme = as(acmeAdmin, () -> outbox.list(0, 50));
        assertThat(acme).extracting(OutboxEntry::subject).containsExactly("Acme invitation 2", "Acme invitation 1");
        assertThat(acme).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(DeliveryStatus.PENDING);
            // No invitation stands behind these made-up links, so none is shown (OutboxViewTest has real ones).
            assertThat(e.link()).isNull();
        });
        assertThat(as(acmeAdmin, () -> outbox.count())).isEqualTo(2);
        assertThat(as(globexAdmin, () -> outbox.list(0, 50))).extracting(OutboxEntry::recipient).containsExactly("secret@globex.test");
        assertThat(as(globexAdmin, () -> outbox.count())).isEqualTo(1);
    }

    @Test
    void pagesAreCutInTheDatabase() {
        assertThat(as(acmeAdmin, () -> outbox.list(0, 1))).extracting(OutboxEntry::subject).containsExactly("Acme invitation 2");
        assertThat(as(acmeAdmin, () -> outbox.list(1, 1))).extracting(OutboxEntry::subject).containsExactly("Acme invitation 1");
    }

    @Test
    void anotherTenantsMessageCannotBeRetriedAndLooksMissing() {
        assertThatThrownBy(() -> scope.run(acmeAdmin.userId(), acmeAdmin.tenantId(), () -> outbox.retry(globexInvitation)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("Email " + globexInvitation + " was not found.");
        assertThatThrownBy(() -> scope.run(acmeAdmin.userId(), acmeAdmin.tenantId(), () -> outbox.retry(Long.MAX_VALUE)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("Email " + Long.MAX_VALUE + " was not found.");
    }

    @Test
    void onlyAnAdminReadsTheOutbox() {
        Member pm = fixtures.member(fixtures.tenant("Initech"), Role.PM);
        assertThatThrownBy(() -> as(pm, () -> outbox.list(0, 50))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(pm, () -> outbox.count())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutASelectedTenantNothingIsListedOrEnqueued() {
        SecurityContextHolder.getContext().setAuthentication(acmeAdmin.authenticationWithoutTenant());
        try {
            assertThatThrownBy(() -> outbox.list(0, 50)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> transactions.execute(s -> outbox.enqueue(invitation("x@acme.test", "No tenant"))))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void enqueueingOutsideATransactionIsRefusedSoAMailNeverOutlivesARolledBackChange() {
        assertThatThrownBy(() -> as(acmeAdmin, () -> outbox.enqueue(invitation("x@acme.test", "Outside"))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> scope.run(acmeAdmin.userId(), acmeAdmin.tenantId(), () -> transactions.executeWithoutResult(s -> {
            outbox.enqueue(invitation("rolled-back@acme.test", "Rolled back"));
            s.setRollbackOnly();
            throw new IllegalStateException("the invitation failed");
        }))).hasMessage("the invitation failed");
        assertThat(as(acmeAdmin, () -> outbox.count())).isEqualTo(2);
    }

    @Test
    void withoutSmtpTheDispatcherLeavesEveryMessageWaiting() {
        assertThat(outbox.isSending()).isFalse();
        clock.advance(Duration.ofHours(2));
        assertThat(dispatcher.dispatchDue().ran()).isFalse();
        assertThat(as(acmeAdmin, () -> outbox.list(0, 50))).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(e.attempts()).isZero();
        });
    }

    private Long enqueue(Member admin, String to, String subject) {
        return scope.call(admin.userId(), admin.tenantId(), () -> transactions.execute(s -> outbox.enqueue(invitation(to, subject))));
    }

    private static Email invitation(String to, String subject) {
        String link = "https://cadence.test/invite/" + Fixtures.unique("t");
        return new Email(EmailKind.INVITATION, to, subject, "Accept the invitation: " + link, link);
    }

    private <T> T as(Member member, Supplier<T> work) {
        return scope.call(member.userId(), member.tenantId(), work);
    }
}
