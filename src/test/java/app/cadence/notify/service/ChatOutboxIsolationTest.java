package app.cadence.notify.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.notify.domain.ChatMessageStatus;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Another organisation's chat message can be neither posted nor changed by id: it is as missing as one that never existed. */
@IntegrationTest
class ChatOutboxIsolationTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired ChatWebhooks webhooks;
    @Autowired ChatDispatcher dispatcher;
    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    @Test
    void aForeignAdminCannotPostOrTouchThisOrganisationsChatMessage() {
        Tenant acme = fixtures.tenant("Chat isolation");
        Member admin = fixtures.member(acme, Role.ADMIN);
        Member pm = fixtures.member(acme, Role.PM);
        as(admin, () -> webhooks.save(null, false, Set.of(), -1));
        jdbc.update("update chat_settings set webhook_url = ?, kinds = ? where tenant_id = ?", "https://hooks.example.invalid/x",
                NotificationKind.OVERDUE.name(), acme.id());
        as(pm, () -> transactions.execute(s -> notifications.send(NotificationRequest.to(admin.userId(), NotificationKind.OVERDUE, "Overdue"))));
        Long id = as(admin, () -> webhooks.messages(0, 1)).getFirst().id();

        Tenant globex = fixtures.tenant("Chat isolation other");
        Member globexAdmin = fixtures.member(globex, Role.ADMIN);
        assertThat(as(globexAdmin, () -> dispatcher.post(id))).isFalse();
        assertThat(as(globexAdmin, () -> dispatcher.message(globex.id(), id))).isEmpty();

        ChatWebhooks.MessageRow untouched = as(admin, () -> webhooks.messages(0, 1)).getFirst();
        assertThat(untouched.status()).isEqualTo(ChatMessageStatus.PENDING);
        assertThat(untouched.attempts()).isZero();
    }
}
