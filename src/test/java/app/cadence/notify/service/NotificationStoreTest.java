package app.cadence.notify.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.notify.domain.NotificationKind;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two sends with one key that both pass the service's check (concurrent transactions) meet at the
 * unique key: the second insert is undone to its savepoint, and the caller's transaction, with
 * everything else it did, still commits.
 */
@IntegrationTest
class NotificationStoreTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired NotificationStore store;
    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transactions;
    @Autowired TestClock clock;

    @Test
    void aDuplicateKeyIsSkippedAndTheCallersTransactionCommits() {
        Member pm = fixtures.member(fixtures.tenant("Store"), Role.PM);
        NotificationStore.NewNotice notice = new NotificationStore.NewNotice(pm.tenantId(), pm.userId(), NotificationKind.STEP_LATE.name(),
                "Late", null, "/my-work", "run:1:step:2:late", clock.instant(), false);

        Optional<Long> second = scope.call(pm.userId(), pm.tenantId(), () -> transactions.execute(s -> {
            assertThat(store.insert(notice)).isPresent();
            Optional<Long> duplicate = store.insert(notice);
            // The transaction is still usable after the refused insert.
            notifications.send(NotificationRequest.to(pm.userId(), NotificationKind.GENERIC, "After the duplicate"));
            return duplicate;
        }));

        assertThat(second).isEmpty();
        assertThat(scope.call(pm.userId(), pm.tenantId(), () -> notifications.recent(0, 10)))
                .extracting(NotificationView::title).containsExactlyInAnyOrder("Late", "After the duplicate");
    }
}
