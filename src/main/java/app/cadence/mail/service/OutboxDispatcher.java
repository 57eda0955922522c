package app.cadence.mail.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.domain.OutboxMessage;
import app.cadence.mail.domain.OutboxMessageRepository;
import app.cadence.mail.domain.RetrySchedule;
import app.cadence.tenancy.service.TenantScope;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox messages through SMTP, one node of the cluster at a time (a ShedLock row in
 * the database), and records each message's outcome: sent, or failed and retried with back-off,
 * or given up. Delivery is at least once: a node that dies between the SMTP server accepting a
 * message and recording it as sent sends it again later, which beats losing it.
 */
@Service
public class OutboxDispatcher {

    static final String LOCK_NAME = "mail-outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Bounds one run, in case a message's outcome cannot be recorded and it stays due. */
    private static final int MAX_ROUNDS = 20;

    /** What one call did. {@code ran} is false when SMTP is not configured or another node holds the lock. */
    public record Dispatch(boolean ran, int sent, int failed) {
        static final Dispatch NOT_RUN = new Dispatch(false, 0, 0);
    }

    /**
     * A message as read for sending: the entity itself stays in its (closed) transaction. The
     * text is opened only here, in memory; {@code body} is null when the message cannot be sent
     * any more ({@code expired}) or its seal does not open ({@code unreadable} says why).
     */
    private record Outgoing(Long id, @Nullable Long tenantId, String recipient, String subject, @Nullable String body, int attempts,
                            DeliveryStatus status, String label, boolean expired, @Nullable String unreadable) {
    }

    private final OutboxMessageRepository messages;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final OutboxSeal seal;
    private final LockProvider locks;
    private final OutboxProperties properties;
    private final RetrySchedule schedule;
    private final TenantScope tenantScope;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;

    OutboxDispatcher(OutboxMessageRepository messages, ObjectProvider<JavaMailSender> mailSender, OutboxSeal seal, LockProvider locks,
                     OutboxProperties properties, TenantScope tenantScope, AuditTrail audit, Clock clock,
                     PlatformTransactionManager transactionManager) {
        this.messages = messages;
        this.mailSender = mailSender;
        this.seal = seal;
        this.locks = locks;
        this.properties = properties;
        this.schedule = properties.retrySchedule();
        this.tenantScope = tenantScope;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Every node polls; the lock lets one of them work. It is taken inside {@link #dispatchDue()}
     * rather than by an annotation, so that a direct call (a test, an operator) is locked too.
     */
    @Scheduled(fixedDelayString = "${cadence.mail.poll-interval:PT30S}", initialDelayString = "${cadence.mail.poll-interval:PT30S}")
    void poll() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.error("The email outbox could not be dispatched; it will be tried again at the next poll", e);
        }
    }

    /** Sends every message that is due now, if SMTP is configured and no other node is at it. */
    public Dispatch dispatchDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return Dispatch.NOT_RUN;
        }
        // Released at once when done (no lockAtLeastFor): the lock row is in database time, so
        // clocks of different nodes cannot make two of them run together.
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK_NAME, properties.lockAtMostFor(), Duration.ZERO));
        if (lock.isEmpty()) {
            return Dispatch.NOT_RUN;
        }
        try {
            return sendDue(sender);
        } finally {
            lock.get().unlock();
        }
    }

    private Dispatch sendDue(JavaMailSender sender) {
        int sent = 0;
        int failed = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            List<Outgoing> due = readOnly.execute(status -> messages.findDue(now, PageRequest.of(0, properties.batchSize())).stream()
                    .map(m -> outgoing(m, now)).toList());
            if (due == null || due.isEmpty()) {
                break;
            }
            List<Outgoing> sendable = new ArrayList<>();
            for (Outgoing o : due) {
                if (o.expired()) {
                    expire(o);
                } else if (o.unreadable() != null) {
                    record(o, new Failure(o.unreadable(), true));
                    failed++;
                } else {
                    sendable.add(o);
                }
            }
            for (Map.Entry<Outgoing, Optional<Failure>> outcome : send(sender, sendable).entrySet()) {
                record(outcome.getKey(), outcome.getValue().orElse(null));
                if (outcome.getValue().isPresent()) {
                    failed++;
                } else {
                    sent++;
                }
            }
            if (due.size() < properties.batchSize()) {
                break;
            }
        }
        return new Dispatch(true, sent, failed);
    }

    private Outgoing outgoing(OutboxMessage m, Instant now) {
        String label = m.getKind().label() + " to " + m.getRecipient();
        String sealed = m.getSealedBody();
        if (sealed == null || m.isExpired(now)) {
            return new Outgoing(m.getId(), m.getTenantId(), m.getRecipient(), m.getSubject(), null, m.getAttempts(), m.getStatus(),
                    label, true, null);
        }
        try {
            return new Outgoing(m.getId(), m.getTenantId(), m.getRecipient(), m.getSubject(), seal.open(sealed, m.sealContext()),
                    m.getAttempts(), m.getStatus(), label, false, null);
        } catch (OutboxSeal.SealBrokenException e) {
            return new Outgoing(m.getId(), m.getTenantId(), m.getRecipient(), m.getSubject(), null, m.getAttempts(), m.getStatus(),
                    label, false, e.getMessage());
        }
    }

    /** A link that no longer works is not worth sending: the message is closed and its text dropped. */
    private void expire(Outgoing o) {
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(status -> messages.findById(o.id())
                    .filter(m -> m.getStatus().isOpen())
                    .ifPresent(m -> m.expire(now)));
            log.info("Email {} ({}) not sent: its link expired first", o.id(), o.label());
        } catch (OptimisticLockingFailureException e) {
            log.info("Email {} changed while it was being expired; it is looked at again at the next poll", o.id());
        }
    }

    /** Why one message was not sent; {@code permanent} when sending it again cannot help. */
    private record Failure(String error, boolean permanent) {
    }

    /** One SMTP connection for the whole batch; the outcome of each message (empty: sent). */
    private Map<Outgoing, Optional<Failure>> send(JavaMailSender sender, List<Outgoing> batch) {
        Map<Outgoing, Optional<Failure>> outcomes = new IdentityHashMap<>();
        Map<MimeMessage, Outgoing> prepared = new IdentityHashMap<>();
        List<MimeMessage> toSend = new ArrayList<>();
        for (Outgoing o : batch) {
            try {
                MimeMessage mime = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
                helper.setFrom(properties.from());
                helper.setTo(o.recipient());
                helper.setSubject(o.subject());
                helper.setText(Objects.requireNonNull(o.body()), false);
                // Lets a receiving system (and a person reading headers) tell a resend after a crash from a new mail.
                mime.setHeader("X-Cadence-Outbox-Id", o.id().toString());
                prepared.put(mime, o);
                toSend.add(mime);
                outcomes.put(o, Optional.empty());
            } catch (MessagingException | IllegalArgumentException e) {
                outcomes.put(o, Optional.of(new Failure("The email could not be built: " + describe(e), true)));
            }
        }
        if (toSend.isEmpty()) {
            return outcomes;
        }
        try {
            sender.send(toSend.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            // Spring names each message that failed; the others were accepted by the server.
            Map<Object, Exception> failures = e.getFailedMessages();
            if (failures.isEmpty()) {
                prepared.values().forEach(o -> outcomes.put(o, Optional.of(new Failure(describe(e), false))));
            } else {
                failures.forEach((mime, cause) -> {
                    Outgoing o = prepared.get(mime);
                    if (o != null) {
                        outcomes.put(o, Optional.of(new Failure(describe(cause), false)));
                    }
                });
            }
        } catch (MailException e) {
            // Authentication or set-up: nothing was sent.
            prepared.values().forEach(o -> outcomes.put(o, Optional.of(new Failure(describe(e), false))));
        }
        return outcomes;
    }

    private void record(Outgoing o, @Nullable Failure failure) {
        Instant now = clock.instant();
        boolean givesUp = failure != null && (failure.permanent() || schedule.givesUpAfter(o.attempts() + 1));
        boolean inTenantScope = givesUp && o.tenantId() != null;
        Runnable update = () -> transactions.executeWithoutResult(status -> {
            OutboxMessage message = messages.findById(o.id()).orElse(null);
            if (message == null || !message.getStatus().isOpen()) {
                return;
            }
            if (failure == null) {
                message.sent(now);
                return;
            }
            message.failed(now, failure.error(), schedule, failure.permanent());
            if (message.getStatus() == DeliveryStatus.GAVE_UP) {
                log.warn("Gave up sending email {} ({}) after {} attempts: {}", o.id(), o.label(), message.getAttempts(), failure.error());
                if (inTenantScope) {
                    audit.changed(new AuditTrail.Subject("Email", o.id(), null, o.label()), "status",
                            o.status().label(), DeliveryStatus.GAVE_UP.label() + " after " + message.getAttempts()
                                    + " attempts: " + failure.error());
                }
            }
        });
        try {
            // A tenant's audit trail is written as the system within that tenant.
            if (inTenantScope) {
                tenantScope.callAsSystem(o.tenantId(), () -> {
                    update.run();
                    return null;
                });
            } else {
                update.run();
            }
        } catch (OptimisticLockingFailureException e) {
            // An ADMIN changed it meanwhile; it is looked at again at the next poll.
            log.info("Email {} changed while it was being sent; its outcome is recorded at the next poll", o.id());
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < OutboxMessage.ERROR_MAX; t = t.getCause()) {
            if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
                text.append(text.isEmpty() ? "" : " — ").append(t.getMessage().strip());
            }
        }
        return text.isEmpty() ? e.getClass().getSimpleName() : text.toString();
    }
}
