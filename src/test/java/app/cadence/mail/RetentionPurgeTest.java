package app.cadence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.service.InvitationAcceptance;
import app.cadence.admin.service.MemberAdministration;
import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.domain.OutboxMessageRepository;
import app.cadence.mail.service.RetentionPurge;
import app.cadence.security.service.PasswordReset;
import app.cadence.signup.service.SignUpService;
import app.cadence.signup.service.SignUpService.SignUpForm;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled purge (retention 30 days by default): an unsent email loses its text as soon as
 * its link expires; sent and expired emails and spent single-use links go 30 days later; what
 * still works stays. One node at a time.
 */
@IntegrationTest
class RetentionPurgeTest {

    @Autowired Fixtures fixtures;
    @Autowired Mailbox mailbox;
    @Autowired TenantScope scope;
    @Autowired MemberAdministration administration;
    @Autowired InvitationAcceptance acceptance;
    @Autowired PasswordReset reset;
    @Autowired SignUpService signUp;
    @Autowired RetentionPurge purge;
    @Autowired OutboxMessageRepository messages;
    @Autowired TransactionTemplate transactions;
    @Autowired LockProvider locks;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @Test
    void expiredTextGoesAtOnceAndSpentRecordsAfterTheRetentionPeriodWhileWorkingOnesStay() {
        Member admin = fixtures.member(fixtures.tenant("Purge"), Role.ADMIN);
        Member resetter = fixtures.member(fixtures.tenant("Purge"), Role.PM);
        Member forgetful = fixtures.member(fixtures.tenant("Purge"), Role.PM);
        String joiner = Fixtures.unique("joiner") + "@purge.test";
        String waiter = Fixtures.unique("waiter") + "@purge.test";
        String founder = Fixtures.unique("founder") + "@purge.test";

        // A reset link used at once, its email sent; another never used; an invitation accepted, one left waiting; a sign-up never confirmed.
        reset.requestLink(resetter.email());
        Mailbox.Mail resetMail = mailbox.last(resetter.email());
        transactions.executeWithoutResult(s -> messages.findById(resetMail.id()).orElseThrow().sent(clock.instant()));
        reset.resetPassword(resetMail.token(), "violet kettle orbit 7", "violet kettle orbit 7");
        reset.requestLink(forgetful.email());
        Mailbox.Mail forgotten = mailbox.last(forgetful.email());
        scope.call(admin.userId(), admin.tenantId(), () -> administration.invite(joiner, Role.PM));
        Mailbox.Mail joinerMail = mailbox.last(joiner);
        acceptance.acceptAsNewUser(joinerMail.token(), joinerMail.code(), "Jo Joiner", "a long enough pass phrase");
        scope.call(admin.userId(), admin.tenantId(), () -> administration.invite(waiter, Role.VIEWER));
        Mailbox.Mail waiterMail = mailbox.last(waiter);
        signUp.request(new SignUpForm(Fixtures.unique("Purged Org"), "Fay Founder", founder, "a long enough pass phrase"));
        Mailbox.Mail signUpMail = mailbox.last(founder);
        String counter = "address:" + Fixtures.unique("198.51.100");
        jdbc.update("insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 2, ?)",
                counter, java.sql.Timestamp.from(clock.instant()));
        String signUpQuota = "sign-up-email:" + founder.toLowerCase(java.util.Locale.ROOT);

        Duration moved = Duration.ZERO;
        try {
            // Two days on: the reset and sign-up links have expired, the invitation (7 days) has not.
            clock.advance(Duration.ofDays(2));
            moved = moved.plusDays(2);
            assertThat(purge.purge().ran()).isTrue();
            assertThat(status(forgotten.id())).isEqualTo(DeliveryStatus.EXPIRED.name());
            assertThat(status(signUpMail.id())).isEqualTo(DeliveryStatus.EXPIRED.name());
            assertThat(mailbox.to(forgetful.email())).as("its sealed text is gone too").isEmpty();
            assertThat(mailbox.to(founder)).isEmpty();
            assertThat(mailbox.to(waiter)).extracting(Mailbox.Mail::id).containsExactly(waiterMail.id());
            assertThat(status(waiterMail.id())).isEqualTo(DeliveryStatus.PENDING.name());
            // Within retention, every row is still there.
            assertThat(count("outbox_message", "id", resetMail.id())).isOne();
            assertThat(count("password_reset_token", "user_id", forgetful.userId())).isOne();
            assertThat(jdbc.queryForObject("select count(*) from sign_up_request where email = ?", Integer.class, founder)).isOne();
            assertThat(jdbc.queryForObject("select count(*) from login_throttle where throttle_key = ?", Integer.class, counter)).isOne();
            assertThat(jdbc.queryForObject("select count(*) from attempt_quota_use where quota_key = ?", Integer.class, signUpQuota)).isOne();

            // 31 days later: the sent email, the expired emails and the spent links are deleted; the
            // invitation that expired 26 days ago and its email are kept, its email now closed.
            clock.advance(Duration.ofDays(31));
            moved = moved.plusDays(31);
            assertThat(purge.purge().ran()).isTrue();
            assertThat(count("outbox_message", "id", resetMail.id())).isZero();
            assertThat(count("outbox_message", "id", forgotten.id())).isZero();
            assertThat(count("outbox_message", "id", signUpMail.id())).isZero();
            assertThat(count("outbox_message", "id", joinerMail.id())).as("its link expired 26 days ago").isOne();
            assertThat(status(waiterMail.id())).isEqualTo(DeliveryStatus.EXPIRED.name());
            assertThat(count("password_reset_token", "user_id", resetter.userId())).isZero();
            assertThat(count("password_reset_token", "user_id", forgetful.userId())).isZero();
            assertThat(jdbc.queryForObject("select count(*) from sign_up_request where email = ?", Integer.class, founder)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from invitation where email = ?", Integer.class, joiner))
                    .as("accepted 33 days ago").isZero();
            assertThat(jdbc.queryForObject("select count(*) from invitation where email = ?", Integer.class, waiter))
                    .as("expired 26 days ago").isOne();
            // Sign-in counters and sign-up quotas nobody touched for the retention period.
            assertThat(jdbc.queryForObject("select count(*) from login_throttle where throttle_key = ?", Integer.class, counter)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from attempt_quota_use where quota_key = ?", Integer.class, signUpQuota)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from attempt_quota where quota_key = ?", Integer.class, signUpQuota)).isZero();
            // The account the invitation created is not the purge's business.
            assertThat(jdbc.queryForObject("select count(*) from user_account where email = ?", Integer.class, joiner)).isOne();
        } finally {
            clock.advance(moved.negated());
        }
    }

    @Test
    void whileAnotherNodePurgesThisOneDoesNothing() {
        SimpleLock otherNode = locks.lock(new LockConfiguration(Instant.now(), "retention-purge", Duration.ofMinutes(5), Duration.ZERO))
                .orElseThrow();
        try {
            assertThat(purge.purge().ran()).isFalse();
        } finally {
            otherNode.unlock();
        }
        assertThat(purge.purge().ran()).isTrue();
    }

    private String status(Long messageId) {
        return jdbc.queryForObject("select status from outbox_message where id = ?", String.class, messageId);
    }

    private int count(String table, String column, Long value) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class, value);
    }
}
