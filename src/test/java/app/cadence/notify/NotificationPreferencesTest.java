package app.cadence.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.notify.domain.EmailDelivery;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationPreferences;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each person chooses per kind how they hear of it by email; the in-app notice is always stored.
 * Choices are per person and organisation: nobody reads or changes anyone else's, and a
 * consultant's choice in one client's organisation does not apply in another's.
 */
@IntegrationTest
class NotificationPreferencesTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired Notifications notifications;
    @Autowired NotificationPreferences preferences;
    @Autowired TransactionTemplate transactions;
    @Autowired Mailbox mailbox;
    @Autowired JdbcTemplate jdbc;

    Tenant acme;
    Member pm;
    Member dev;

    @BeforeEach
    void setUp() {
        acme = fixtures.tenant("Prefs");
        pm = fixtures.member(acme, Role.PM);
        dev = fixtures.member(acme, Role.CONTRIBUTOR);
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    int send(Member as, NotificationRequest request) {
        return as(as, () -> transactions.execute(s -> notifications.send(request)));
    }

    static NotificationRequest assigned(Member to, String title) {
        return NotificationRequest.to(to.userId(), NotificationKind.ITEM_ASSIGNED, title).withLink("/my-work");
    }

    @Test
    void everyKindIsEmailedImmediatelyUntilThePersonChoosesOtherwise() {
        assertThat(as(dev, () -> preferences.mine())).hasSize(NotificationKind.values().length)
                .allSatisfy((kind, delivery) -> assertThat(delivery).isEqualTo(EmailDelivery.IMMEDIATELY));

        send(pm, assigned(dev, "Load data"));
        assertThat(mailbox.to(dev.email())).hasSize(1);
    }

    @Test
    void digestAndOffKeepTheNoticeButSendNoEmailNow() {
        assertThat(as(dev, () -> preferences.save(Map.of(NotificationKind.ITEM_ASSIGNED, EmailDelivery.DAILY_DIGEST,
                NotificationKind.OVERDUE, EmailDelivery.OFF, NotificationKind.DUE_TOMORROW, EmailDelivery.IMMEDIATELY)))).isEqualTo(2);
        assertThat(as(dev, () -> preferences.mine())).containsEntry(NotificationKind.ITEM_ASSIGNED, EmailDelivery.DAILY_DIGEST)
                .containsEntry(NotificationKind.OVERDUE, EmailDelivery.OFF)
                .containsEntry(NotificationKind.DUE_TOMORROW, EmailDelivery.IMMEDIATELY);

        send(pm, assigned(dev, "Load data"));
        send(pm, NotificationRequest.to(dev.userId(), NotificationKind.OVERDUE, "Overdue: Load data"));
        assertThat(as(dev, () -> notifications.unreadCount())).isEqualTo(2);
        assertThat(mailbox.to(dev.email())).isEmpty();
        // Only the digest kind waits for the digest.
        assertThat(jdbc.queryForObject("select count(*) from notification where tenant_id = ? and recipient_id = ? and digest_pending = true",
                Integer.class, acme.id(), dev.userId())).isEqualTo(1);

        send(pm, NotificationRequest.to(dev.userId(), NotificationKind.DUE_TOMORROW, "Due tomorrow: Load data"));
        assertThat(mailbox.to(dev.email())).hasSize(1);
        // Another person's choices are theirs: the PM still gets assignments by email.
        send(dev, assigned(pm, "Review"));
        assertThat(mailbox.to(pm.email())).hasSize(1);
    }

    @Test
    void changingBackAndSavingTwiceCountsOnlyRealChanges() {
        as(dev, () -> preferences.save(Map.of(NotificationKind.STEP_READY, EmailDelivery.OFF)));
        assertThat(as(dev, () -> preferences.save(Map.of(NotificationKind.STEP_READY, EmailDelivery.OFF)))).isZero();
        assertThat(as(dev, () -> preferences.save(Map.of(NotificationKind.STEP_READY, EmailDelivery.IMMEDIATELY)))).isEqualTo(1);
        assertThat(as(dev, () -> preferences.mine())).containsEntry(NotificationKind.STEP_READY, EmailDelivery.IMMEDIATELY);
    }

    @Test
    void anotherOrganisationNeitherReadsNorChangesNorUsesTheseChoices() {
        Tenant globex = fixtures.tenant("Prefs other");
        Member devAtGlobex = fixtures.join(dev, globex, Role.PM);
        Member globexAdmin = fixtures.member(globex, Role.ADMIN);
        as(dev, () -> preferences.save(Map.of(NotificationKind.ITEM_ASSIGNED, EmailDelivery.OFF)));

        // The same person in the other organisation: their own defaults there.
        assertThat(as(devAtGlobex, () -> preferences.mine())).containsEntry(NotificationKind.ITEM_ASSIGNED, EmailDelivery.IMMEDIATELY);
        send(globexAdmin, assigned(devAtGlobex, "Globex task"));
        assertThat(mailbox.to(dev.email())).hasSize(1);
        // Changing there changes nothing here.
        as(devAtGlobex, () -> preferences.save(Map.of(NotificationKind.ITEM_ASSIGNED, EmailDelivery.DAILY_DIGEST)));
        assertThat(as(dev, () -> preferences.mine())).containsEntry(NotificationKind.ITEM_ASSIGNED, EmailDelivery.OFF);
        // Nobody reads another person's choices: each sees their own.
        assertThat(as(pm, () -> preferences.mine())).containsEntry(NotificationKind.ITEM_ASSIGNED, EmailDelivery.IMMEDIATELY);
        assertThat(jdbc.queryForObject("select count(*) from notification_preference where user_id = ?", Integer.class, dev.userId()))
                .isEqualTo(2);
    }
}
