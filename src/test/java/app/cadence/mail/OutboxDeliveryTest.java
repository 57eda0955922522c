package app.cadence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.domain.OutboxMessage;
import app.cadence.mail.domain.OutboxMessageRepository;
import app.cadence.mail.service.Email;
import app.cadence.mail.service.Outbox;
import app.cadence.mail.service.OutboxDispatcher;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail) that the tests stop and start on one free
 * port: nothing is lost while it is down, retries wait longer each time, and every message
 * arrives exactly once when it is back. Time moves by the test clock, never by sleeping.
 */
@Tag("smtp") // in a JVM of its own (see pom.xml): its Spring context differs from the shared one
@IntegrationTest
@TestPropertySource(properties = {"cadence.mail.max-attempts=4", "cadence.mail.from=Cadence <cadence@mail.test>"})
class OutboxDeliveryTest {

    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired OutboxMessageRepository repository;
    @Autowired LockProvider locks;
    @Autowired TestClock clock;
    @Autowired TransactionTemplate transactions;
    @Autowired TenantScope scope;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired Mailbox mailbox;

    @Nullable GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    @Test
    void aDueMessageIsSentOnceAndMarkedSent() throws Exception {
        startSmtp();
        String to = Fixtures.unique("reset") + "@people.test";
        Long id = enqueueWithoutTenant(new Email(EmailKind.PASSWORD_RESET, to, "Reset your Cadence password",
                "Open this link to choose a new password: https://cadence.test/reset/abc — Grüße", "https://cadence.test/reset/abc"));

        assertThat(dispatcher.dispatchDue().ran()).isTrue();
        assertThat(dispatcher.dispatchDue().ran()).isTrue();

        List<MimeMessage> received = receivedBy(to);
        assertThat(received).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Reset your Cadence password");
            assertThat(mail.getFrom()[0].toString()).isEqualTo("Cadence <cadence@mail.test>");
            assertThat(((String) mail.getContent()).strip()).endsWith("Grüße");
            assertThat(mail.getHeader("X-Cadence-Outbox-Id")).containsExactly(id.toString());
        });
        OutboxMessage stored = repository.findById(id).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(stored.getAttempts()).isEqualTo(1);
        assertThat(stored.getSentAt()).isEqualTo(clock.instant());
        assertThat(stored.getNextAttemptAt()).isNull();
        // Once sent, the outbox keeps no trace of the link, not even sealed (finding 2 of the C12 audit).
        assertThat(stored.getSealedBody()).isNull();
        assertThat(stored.getSealedLink()).isNull();
        assertThat(mailbox.storedText()).doesNotContain("/reset/abc", "Grüße");
    }

    @Test
    void aMessageWhoseLinkExpiredWhileSmtpWasDownIsNeverSentAndLosesItsText() throws Exception {
        String to = Fixtures.unique("late-reset") + "@people.test";
        Long id = enqueueWithoutTenant(new Email(EmailKind.PASSWORD_RESET, to, "Reset your Cadence password",
                "Open https://cadence.test/reset/late", "https://cadence.test/reset/late", clock.instant().plus(Duration.ofHours(1))));
        dispatcher.dispatchDue();
        assertThat(repository.findById(id).orElseThrow().getStatus()).isEqualTo(DeliveryStatus.FAILED_RETRYING);

        startSmtp();
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();

        assertThat(receivedBy(to)).isEmpty();
        OutboxMessage expired = repository.findById(id).orElseThrow();
        assertThat(expired.getStatus()).isEqualTo(DeliveryStatus.EXPIRED);
        assertThat(expired.getSealedBody()).isNull();
        assertThat(expired.getNextAttemptAt()).isNull();
    }

    @Test
    void whileSmtpIsDownMessagesStayAndAreRetriedWithGrowingDelaysThenSentOnceWhenItRecovers() throws Exception {
        String to = Fixtures.unique("invitee") + "@people.test";
        Long id = enqueueWithoutTenant(new Email(EmailKind.SIGN_UP, to, "Confirm your email", "Confirm: https://cadence.test/c/1", null));
        Instant start = clock.instant();

        dispatcher.dispatchDue();
        OutboxMessage first = repository.findById(id).orElseThrow();
        assertThat(first.getStatus()).isEqualTo(DeliveryStatus.FAILED_RETRYING);
        assertThat(first.getAttempts()).isEqualTo(1);
        assertThat(first.getLastError()).isNotBlank();
        assertThat(first.getNextAttemptAt()).isEqualTo(start.plus(Duration.ofMinutes(1)));

        // Not due yet: no attempt.
        clock.advance(Duration.ofSeconds(59));
        dispatcher.dispatchDue();
        assertThat(repository.findById(id).orElseThrow().getAttempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        OutboxMessage second = repository.findById(id).orElseThrow();
        assertThat(second.getAttempts()).isEqualTo(2);
        assertThat(second.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();
        OutboxMessage third = repository.findById(id).orElseThrow();
        assertThat(third.getAttempts()).isEqualTo(3);
        assertThat(third.getStatus()).isEqualTo(DeliveryStatus.FAILED_RETRYING);
        assertThat(third.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(4)));

        startSmtp();
        clock.advance(Duration.ofMinutes(4));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(receivedBy(to)).singleElement().satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Confirm your email"));
        OutboxMessage sent = repository.findById(id).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(4);
        assertThat(sent.getLastError()).isNull();
    }

    @Test
    void aTenantsMessageThatKeepsFailingIsGivenUpAuditedAndCanBeSentAgainByItsAdmin() throws Exception {
        Member admin = fixtures.member(fixtures.tenant("Mailer"), Role.ADMIN);
        String to = Fixtures.unique("new-member") + "@people.test";
        Long id = scope.call(admin.userId(), admin.tenantId(), () -> transactions.execute(s -> outbox.enqueue(
                new Email(EmailKind.INVITATION, to, "You are invited to Cadence", "Accept: https://cadence.test/i/7", "https://cadence.test/i/7"))));

        for (int attempt = 1; attempt <= 4; attempt++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(1));
        }
        dispatcher.dispatchDue();

        OutboxMessage gaveUp = repository.findById(id).orElseThrow();
        assertThat(gaveUp.getStatus()).isEqualTo(DeliveryStatus.GAVE_UP);
        assertThat(gaveUp.getAttempts()).isEqualTo(4);
        assertThat(jdbc.queryForList("select after_value from audit_event where tenant_id = ? and subject_type = 'Email' and subject_id = ?",
                String.class, admin.tenantId(), id)).singleElement().asString().startsWith("Gave up after 4 attempts: ");

        startSmtp();
        scope.run(admin.userId(), admin.tenantId(), () -> outbox.retry(id));
        dispatcher.dispatchDue();

        assertThat(receivedBy(to)).hasSize(1);
        assertThat(repository.findById(id).orElseThrow().getStatus()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void whileAnotherNodeHoldsTheLockThisOneSendsNothing() throws Exception {
        startSmtp();
        String to = Fixtures.unique("locked") + "@people.test";
        Long id = enqueueWithoutTenant(new Email(EmailKind.OTHER, to, "Hello", "Hello", null));

        SimpleLock otherNode = locks.lock(new LockConfiguration(Instant.now(), "mail-outbox", Duration.ofMinutes(5), Duration.ZERO))
                .orElseThrow();
        try {
            assertThat(dispatcher.dispatchDue().ran()).isFalse();
            assertThat(repository.findById(id).orElseThrow().getStatus()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(receivedBy(to)).isEmpty();
        } finally {
            otherNode.unlock();
        }

        assertThat(dispatcher.dispatchDue().ran()).isTrue();
        assertThat(receivedBy(to)).hasSize(1);
    }

    private Long enqueueWithoutTenant(Email email) {
        return transactions.execute(s -> outbox.enqueueWithoutTenant(email));
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Messages that other test classes left in the shared database go out too: look only at ours. */
    private List<MimeMessage> receivedBy(String recipient) throws Exception {
        if (smtp == null) {
            return List.of();
        }
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
