package app.cadence.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.notify.domain.ChatMessageStatus;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.ChatDispatcher;
import app.cadence.notify.service.ChatWebhooks;
import app.cadence.notify.service.ChatWebhooks.MessageRow;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posting to a chat webhook, against a local HTTP server (WireMock). Only here is a loopback
 * address allowed ({@code cadence.chat.allow-loopback-for-tests}); {@link ChatAddressRefusalTest}
 * runs with the real check.
 */
@IntegrationTest
@TestPropertySource(properties = {"cadence.chat.allow-loopback-for-tests=true", "cadence.chat.request-timeout=PT1S"})
class ChatWebhookDeliveryTest {

    static WireMockServer chat;

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired ChatWebhooks webhooks;
    @Autowired ChatDispatcher dispatcher;
    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transactions;
    @Autowired TestClock clock;

    Tenant acme;
    Member admin;
    Member pm;
    Member dev;
    String hookPath;

    /**
     * This class has a Spring context of its own (the property above), and starting one sets the
     * JVM's one security context holder strategy: the shared context of the classes that run next
     * gets its own back afterwards (as in ScheduledWorkOnTwoNodesTest). Taken before this class's context
     * starts: JUnit runs static @BeforeAll methods before the test instance is injected.
     */
    static SecurityContextHolderStrategy sharedStrategy;

    @BeforeAll
    static void startChatServer() {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
        chat = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        chat.start();
    }

    @AfterAll
    static void stopChatServer() {
        chat.stop();
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @BeforeEach
    void setUp() {
        chat.resetAll();
        acme = fixtures.tenant("Chat");
        admin = fixtures.member(acme, Role.ADMIN);
        pm = fixtures.member(acme, Role.PM);
        dev = fixtures.member(acme, Role.CONTRIBUTOR);
        hookPath = "/services/T000/B000/" + Fixtures.unique("secret");
        chat.stubFor(post(urlEqualTo(hookPath)).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    String hookUrl() {
        return "http://127.0.0.1:" + chat.port() + hookPath;
    }

    void configure(Set<NotificationKind> kinds) {
        as(admin, () -> webhooks.save(hookUrl(), false, kinds, webhooks.settings().version()));
    }

    void notify(NotificationKind kind, String title) {
        as(pm, () -> transactions.execute(s -> notifications.send(NotificationRequest.to(dev.userId(), kind, title)
                .withBody("ERP-01 · Live runbook").withLink("/my-work"))));
    }

    MessageRow last() {
        return as(admin, () -> webhooks.messages(0, 1)).getFirst();
    }

    @Test
    void aChosenKindIsPostedAsSlackTextNamingTheRecipientAndOthersAreNot() {
        configure(Set.of(NotificationKind.ITEM_ASSIGNED));
        notify(NotificationKind.ITEM_ASSIGNED, "Assigned to you: Load \"data\"");
        notify(NotificationKind.STEP_READY, "Not for the channel");
        assertThat(as(admin, () -> webhooks.countMessages())).isEqualTo(1);

        dispatcher.dispatchDue();

        chat.verify(1, postRequestedFor(urlEqualTo(hookPath))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "Assigned to you: Load \"data\"")))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.containing("for " + dev.name()))));
        assertThat(last().status()).isEqualTo(ChatMessageStatus.SENT);
        assertThat(last().attempts()).isEqualTo(1);
        // Posted once: the next round finds nothing due.
        dispatcher.dispatchDue();
        chat.verify(1, postRequestedFor(urlEqualTo(hookPath)));
    }

    @Test
    void aServerErrorIsRetriedWithTheOutboxBackOffThenPosted() {
        configure(Set.of(NotificationKind.OVERDUE));
        chat.stubFor(post(urlEqualTo(hookPath)).willReturn(aResponse().withStatus(500)));
        notify(NotificationKind.OVERDUE, "Overdue: Load data");

        dispatcher.dispatchDue();
        MessageRow failed = last();
        assertThat(failed.status()).isEqualTo(ChatMessageStatus.RETRYING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("The chat service answered HTTP 500.");
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        dispatcher.dispatchDue(); // not due yet
        chat.verify(1, postRequestedFor(urlEqualTo(hookPath)));

        chat.stubFor(post(urlEqualTo(hookPath)).willReturn(aResponse().withStatus(204)));
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(last().status()).isEqualTo(ChatMessageStatus.SENT);
        assertThat(last().attempts()).isEqualTo(2);
        assertThat(last().lastError()).isNull();
    }

    @Test
    void aSlowServerTimesOutAndIsRetried() {
        configure(Set.of(NotificationKind.OVERDUE));
        chat.stubFor(post(urlEqualTo(hookPath)).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        notify(NotificationKind.OVERDUE, "Overdue: Load data");

        dispatcher.dispatchDue();

        assertThat(last().status()).isEqualTo(ChatMessageStatus.RETRYING);
        assertThat(last().lastError()).isEqualTo("The chat service did not answer within 1 s.");
    }

    @Test
    void theTestMessageIsPostedAndTheAddressIsNeverShownBack() {
        configure(Set.of());
        ChatWebhooks.Settings settings = as(admin, () -> webhooks.settings());
        assertThat(settings.maskedUrl()).startsWith("http://127.0.0.1/services/").endsWith("(hidden)")
                .doesNotContain(hookPath.substring(hookPath.lastIndexOf('/')));

        MessageRow test = as(admin, () -> webhooks.sendTest());

        assertThat(test.status()).isEqualTo(ChatMessageStatus.SENT);
        chat.verify(1, postRequestedFor(urlEqualTo(hookPath)).withRequestBody(matchingJsonPath("$.text",
                com.github.tomakehurst.wiremock.client.WireMock.containing("Test message from Cadence"))));
    }

    @Test
    void keepingTheAddressChangingKindsAndRemovingItAndAConcurrentChangeIsRefused() {
        configure(Set.of(NotificationKind.OVERDUE));
        long version = as(admin, () -> webhooks.settings().version());
        // An empty address keeps the saved one.
        as(admin, () -> webhooks.save("", false, Set.of(NotificationKind.OVERDUE, NotificationKind.DUE_TOMORROW), version));
        assertThat(as(admin, () -> webhooks.settings())).satisfies(s -> {
            assertThat(s.hasWebhook()).isTrue();
            assertThat(s.kinds()).containsExactlyInAnyOrder(NotificationKind.OVERDUE, NotificationKind.DUE_TOMORROW);
        });
        assertThatThrownBy(() -> as(admin, () -> webhooks.save("", false, Set.of(), version)))
                .isInstanceOf(ConcurrentChangeException.class);

        as(admin, () -> webhooks.save(null, true, Set.of(), webhooks.settings().version()));
        assertThat(as(admin, () -> webhooks.settings().hasWebhook())).isFalse();
        notify(NotificationKind.OVERDUE, "Overdue: nothing posted");
        assertThat(as(admin, () -> webhooks.countMessages())).isZero();
    }

    @Test
    void onlyAnAdminChangesOrReadsTheChatSettings() {
        for (Member notAdmin : new Member[] {pm, dev, fixtures.member(acme, Role.PMO), fixtures.member(acme, Role.VIEWER)}) {
            assertThatThrownBy(() -> as(notAdmin, () -> webhooks.save(hookUrl(), false, Set.of(), -1)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(notAdmin, () -> webhooks.settings())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(notAdmin, () -> webhooks.messages(0, 10))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(notAdmin, () -> webhooks.sendTest())).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(as(admin, () -> webhooks.settings().hasWebhook())).isFalse();
    }

    @Test
    void anotherOrganisationNeitherSeesNorChangesNorPostsToThisWebhook() {
        configure(Set.of(NotificationKind.OVERDUE));
        notify(NotificationKind.OVERDUE, "Overdue: Acme's");
        Tenant globex = fixtures.tenant("Chat other");
        Member globexAdmin = fixtures.member(globex, Role.ADMIN);
        Member adminAtGlobex = fixtures.join(admin, globex, Role.ADMIN);

        for (Member foreign : new Member[] {globexAdmin, adminAtGlobex}) {
            assertThat(as(foreign, () -> webhooks.settings().hasWebhook())).isFalse();
            assertThat(as(foreign, () -> webhooks.messages(0, 10))).isEmpty();
            assertThat(as(foreign, () -> webhooks.countMessages())).isZero();
        }
        // Globex saving its own settings creates its own row; Acme's stays.
        as(globexAdmin, () -> webhooks.save(null, false, Set.of(), -1));
        assertThat(as(admin, () -> webhooks.settings()).kinds()).containsExactly(NotificationKind.OVERDUE);
        // Globex's notices never go to Acme's channel.
        Member globexPm = fixtures.member(globex, Role.PM);
        as(globexPm, () -> transactions.execute(s -> notifications.send(
                NotificationRequest.to(globexAdmin.userId(), NotificationKind.OVERDUE, "Overdue: Globex's"))));
        dispatcher.dispatchDue();
        chat.verify(1, postRequestedFor(urlEqualTo(hookPath)));
        chat.verify(0, postRequestedFor(urlEqualTo(hookPath)).withRequestBody(matchingJsonPath("$.text",
                com.github.tomakehurst.wiremock.client.WireMock.containing("Globex"))));
    }
}
