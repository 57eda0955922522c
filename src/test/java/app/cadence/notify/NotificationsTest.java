package app.cadence.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.mail.domain.EmailKind;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.NotificationView;
import app.cadence.notify.service.Notifications;
import app.cadence.shared.PublicLinks;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.support.Mailbox.Mail;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification service: other modules send inside their transaction; each recipient gets an
 * in-app notice (once per dedupe key) and an email through the outbox; a person reads and marks
 * only their own notices in the current tenant, and another tenant's are as good as missing.
 */
@IntegrationTest
class NotificationsTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transactions;
    @Autowired Mailbox mailbox;
    @Autowired PublicLinks links;
    @Autowired TestClock clock;

    Tenant acme;
    Member pm;
    Member dev;
    Member viewer;

    @BeforeEach
    void setUp() {
        acme = fixtures.tenant("Notify");
        pm = fixtures.member(acme, Role.PM);
        dev = fixtures.member(acme, Role.CONTRIBUTOR);
        viewer = fixtures.member(acme, Role.VIEWER);
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    /** What a caller in another module does: send inside the transaction of its own change. */
    int send(Member as, NotificationRequest request) {
        return as(as, () -> transactions.execute(s -> notifications.send(request)));
    }

    static NotificationRequest stepReady(Member to) {
        return NotificationRequest.to(to.userId(), NotificationKind.STEP_READY, "“Load data” is ready to start")
                .withBody("Its predecessors are done. ERP-01 · Live run.")
                .withLink("/instances/42?item=7")
                .withDedupeKey("run:5:step:7:ready");
    }

    @Test
    void aSentNoticeIsUnreadInTheRecipientsListAndEmailedWithALinkToTheApp() {
        assertThat(send(pm, stepReady(dev))).isEqualTo(1);

        assertThat(as(dev, () -> notifications.unreadCount())).isEqualTo(1);
        List<NotificationView> list = as(dev, () -> notifications.recent(0, 10));
        assertThat(list).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.STEP_READY);
            assertThat(n.title()).isEqualTo("“Load data” is ready to start");
            assertThat(n.body()).isEqualTo("Its predecessors are done. ERP-01 · Live run.");
            assertThat(n.link()).isEqualTo("/instances/42?item=7");
            assertThat(n.createdAt()).isEqualTo(clock.instant());
            assertThat(n.isRead()).isFalse();
        });

        Mail mail = mailbox.last(dev.email());
        assertThat(mail.kind()).isEqualTo(EmailKind.NOTIFICATION);
        assertThat(mail.tenantId()).isEqualTo(acme.id());
        assertThat(mail.subject()).isEqualTo("[" + acme.name() + "] “Load data” is ready to start");
        assertThat(mail.body()).contains("Its predecessors are done.").contains("member of " + acme.name());
        assertThat(mail.emailedLink()).isEqualTo(links.to("/instances/42?item=7"));
        // Sealed at rest like every outbox text.
        assertThat(mailbox.storedText()).doesNotContain("Its predecessors are done.");
    }

    @Test
    void theSameKeyReachesEachRecipientOnce() {
        assertThat(send(pm, stepReady(dev))).isEqualTo(1);
        assertThat(send(pm, stepReady(dev))).isZero();
        assertThat(send(pm, NotificationRequest.to(List.of(dev.userId(), viewer.userId()), NotificationKind.STEP_READY, "Again")
                .withDedupeKey("run:5:step:7:ready"))).isEqualTo(1); // the viewer had none with this key yet

        assertThat(as(dev, () -> notifications.count())).isEqualTo(1);
        assertThat(as(viewer, () -> notifications.count())).isEqualTo(1);
        assertThat(mailbox.to(dev.email())).hasSize(1);
        // Without a key every request is a new notice.
        send(pm, NotificationRequest.to(dev.userId(), NotificationKind.GENERIC, "One"));
        send(pm, NotificationRequest.to(dev.userId(), NotificationKind.GENERIC, "One"));
        assertThat(as(dev, () -> notifications.count())).isEqualTo(3);
    }

    @Test
    void theListIsNewestFirstAndPagedInTheDatabase() {
        for (int i = 1; i <= 3; i++) {
            send(pm, NotificationRequest.to(dev.userId(), NotificationKind.GENERIC, "Notice " + i));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(as(dev, () -> notifications.recent(0, 10))).extracting(NotificationView::title)
                .containsExactly("Notice 3", "Notice 2", "Notice 1");
        assertThat(as(dev, () -> notifications.recent(2, 2))).extracting(NotificationView::title).containsExactly("Notice 1");
    }

    @Test
    void markingReadTakesOneOrAllOfTheOwnNoticesOnly() {
        send(pm, NotificationRequest.to(List.of(dev.userId(), viewer.userId()), NotificationKind.GENERIC, "First"));
        send(pm, NotificationRequest.to(List.of(dev.userId(), viewer.userId()), NotificationKind.GENERIC, "Second"));
        Long first = as(dev, () -> notifications.recent(0, 10)).getLast().id();

        as(dev, () -> {
            notifications.markRead(first);
            return null;
        });
        assertThat(as(dev, () -> notifications.unreadCount())).isEqualTo(1);
        assertThat(as(dev, () -> notifications.recent(0, 10))).extracting(NotificationView::isRead).containsExactly(false, true);

        assertThat(as(dev, () -> notifications.markAllRead())).isEqualTo(1);
        assertThat(as(dev, () -> notifications.unreadCount())).isZero();
        // The viewer's copies of the same notices are theirs to read.
        assertThat(as(viewer, () -> notifications.unreadCount())).isEqualTo(2);
    }

    @Test
    void nobodySeesOrMarksAnotherPersonsNotice() {
        send(pm, stepReady(dev));
        Long devsNotice = as(dev, () -> notifications.recent(0, 1)).getFirst().id();

        assertThat(as(viewer, () -> notifications.recent(0, 10))).isEmpty();
        assertThat(as(viewer, () -> notifications.unreadCount())).isZero();
        assertThatThrownBy(() -> as(viewer, () -> {
            notifications.markRead(devsNotice);
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(viewer, () -> notifications.markAllRead())).isZero();
        assertThat(as(dev, () -> notifications.unreadCount())).isEqualTo(1);
    }

    @Test
    void anotherTenantNeitherReadsNorMarksNorReceives() {
        Tenant globex = fixtures.tenant("Notify other");
        Member globexAdmin = fixtures.member(globex, Role.ADMIN);
        // The same person in both organisations, as a consultant.
        Member devAtGlobex = fixtures.join(dev, globex, Role.PM);
        send(pm, stepReady(dev));
        Long acmeNotice = as(dev, () -> notifications.recent(0, 1)).getFirst().id();

        assertThat(as(devAtGlobex, () -> notifications.unreadCount())).isZero();
        assertThat(as(devAtGlobex, () -> notifications.recent(0, 10))).isEmpty();
        assertThatThrownBy(() -> as(devAtGlobex, () -> {
            notifications.markRead(acmeNotice);
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(devAtGlobex, () -> notifications.markAllRead())).isZero();
        assertThat(as(dev, () -> notifications.unreadCount())).isEqualTo(1);

        // A sender cannot reach a person who is not a member of the sender's organisation.
        assertThat(send(pm, NotificationRequest.to(globexAdmin.userId(), NotificationKind.GENERIC, "Merger plans"))).isZero();
        assertThat(as(globexAdmin, () -> notifications.count())).isZero();
        assertThat(mailbox.to(globexAdmin.email())).isEmpty();
        // The same key in another tenant is another notice.
        assertThat(send(globexAdmin, stepReady(devAtGlobex))).isEqualTo(1);
        assertThat(as(devAtGlobex, () -> notifications.unreadCount())).isEqualTo(1);
    }

    @Test
    void aDeactivatedMemberIsNotNotified() {
        Member admin = fixtures.member(acme, Role.ADMIN);
        Member leaver = fixtures.member(acme, Role.CONTRIBUTOR);
        as(admin, () -> {
            context.getBean(app.cadence.admin.service.MemberAdministration.class).deactivate(leaver.userId());
            return null;
        });
        assertThat(send(pm, NotificationRequest.to(leaver.userId(), NotificationKind.GENERIC, "Hello"))).isZero();
    }

    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void aNoticeCommitsOrRollsBackWithTheCallersChange() {
        assertThatThrownBy(() -> as(pm, () -> transactions.execute(s -> {
            notifications.send(stepReady(dev));
            throw new IllegalStateException("the caller's change failed");
        }))).isInstanceOf(IllegalStateException.class);
        assertThat(as(dev, () -> notifications.count())).isZero();
        assertThat(mailbox.to(dev.email())).isEmpty();

        assertThatThrownBy(() -> as(pm, () -> notifications.send(stepReady(dev))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
