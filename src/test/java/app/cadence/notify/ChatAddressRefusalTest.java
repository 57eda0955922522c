package app.cadence.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.notify.domain.ChatMessageStatus;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.ChatAddressCheck;
import app.cadence.notify.service.ChatDispatcher;
import app.cadence.notify.service.ChatWebhooks;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.net.InetAddress;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook address rules with the real check (the application's default: no loopback): https
 * only, no private, loopback, link-local, multicast, unspecified, CGNAT or unique-local address,
 * as written or after DNS resolution, at save time and again right before each post.
 */
@IntegrationTest
class ChatAddressRefusalTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired ChatWebhooks webhooks;
    @Autowired ChatAddressCheck check;
    @Autowired ChatDispatcher dispatcher;
    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    Tenant acme;
    Member admin;

    @BeforeEach
    void setUp() {
        acme = fixtures.tenant("Chat refusals");
        admin = fixtures.member(acme, Role.ADMIN);
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://127.8.9.10:8443/hook", "https://10.1.2.3/hook", "https://172.16.0.9/hook",
            "https://192.168.1.20/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://localhost/hook",
            "https://100.64.0.1/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://0.0.0.0/hook", "https://224.0.0.1/hook",
            "https://[::ffff:10.0.0.1]/hook", "http://hooks.slack.com/services/T/B/x", "ftp://hooks.slack.com/x",
            "https://user:pass@hooks.slack.com/x", "not a url"})
    void anAddressThatLeadsInsideOrIsNotHttpsIsRefusedAndNothingIsSaved(String url) {
        assertThatThrownBy(() -> as(admin, () -> webhooks.save(url, false, Set.of(NotificationKind.OVERDUE), -1)))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).field()).isEqualTo("webhookUrl"));
        assertThat(as(admin, () -> webhooks.settings().hasWebhook())).isFalse();
    }

    @Test
    void theReasonIsNamed() {
        assertThatThrownBy(() -> check.check("https://169.254.169.254/latest")).hasMessageContaining("a link-local address");
        assertThatThrownBy(() -> check.check("https://localhost/hook")).hasMessageContaining("localhost (127.0.0.1)")
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> check.check("http://hooks.slack.com/x")).hasMessageContaining("https://");
    }

    @Test
    void aNameThatResolvesInsideIsRefusedAtSaveAndAtSendTime() throws Exception {
        InetAddress[] answer = {InetAddress.getByName("93.184.216.34")};
        ChatAddressCheck rebinding = new ChatAddressCheck(false, host -> answer);
        assertThat(rebinding.check("https://hooks.example.com/services/x")).isEqualTo("https://hooks.example.com/services/x");
        answer[0] = InetAddress.getByName("10.0.0.5");
        assertThatThrownBy(() -> rebinding.check("https://hooks.example.com/services/x"))
                .hasMessageContaining("hooks.example.com (10.0.0.5)").hasMessageContaining("a private address");
        answer[0] = InetAddress.getByName("fc00::5");
        assertThatThrownBy(() -> rebinding.check("https://hooks.example.com/services/x")).hasMessageContaining("unique-local");
    }

    @Test
    void anAddressThatTurnsInsideAfterSavingIsNotPostedTo() {
        // As if the name had resolved to a public address when it was saved (no DNS here).
        as(admin, () -> webhooks.save(null, false, Set.of(), -1));
        jdbc.update("update chat_settings set webhook_url = ?, kinds = ? where tenant_id = ?",
                "https://127.0.0.1:9/hook", NotificationKind.OVERDUE.name(), acme.id());
        Member pm = fixtures.member(acme, Role.PM);
        as(pm, () -> transactions.execute(s -> notifications.send(NotificationRequest.to(admin.userId(), NotificationKind.OVERDUE, "Overdue"))));

        dispatcher.dispatchDue();

        ChatWebhooks.MessageRow row = as(admin, () -> webhooks.messages(0, 1)).getFirst();
        assertThat(row.status()).isEqualTo(ChatMessageStatus.RETRYING);
        assertThat(row.lastError()).contains("Cadence does not post to 127.0.0.1").contains("loopback").doesNotContain("/hook");
    }
}
