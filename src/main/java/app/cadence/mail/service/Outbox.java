package app.cadence.mail.service;

import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.domain.OutboxMessage;
import app.cadence.mail.domain.OutboxMessageRepository;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persistent outbox: features store an email in the same transaction as the change that
 * causes it (an invitation, a password reset), so either both commit or neither does;
 * {@link OutboxDispatcher} sends it later. The ADMIN sees the current tenant's messages.
 */
@Service
public class Outbox {

    private final OutboxMessageRepository messages;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;

    Outbox(OutboxMessageRepository messages, ObjectProvider<JavaMailSender> mailSender, Clock clock) {
        this.messages = messages;
        this.mailSender = mailSender;
        this.clock = clock;
    }

    /**
     * Stores an email of the current tenant (e.g. an invitation); its ADMIN sees it in the
     * outbox. Runs inside the caller's transaction: the caller decides who may send what.
     * Returns the message id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long enqueue(Email email) {
        Long tenantId = TenantContext.currentTenantId()
                .orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
        return store(tenantId, email);
    }

    /**
     * Stores an email that the platform sends on a tenant's behalf, outside any session of that
     * tenant: an operator inviting a new organisation's first ADMIN. Its ADMINs see it later.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long enqueueFor(Long tenantId, Email email) {
        return store(tenantId, email);
    }

    /**
     * Stores an email that belongs to no tenant (sign-up confirmation, password reset): no
     * tenant's ADMIN ever sees it. Runs inside the caller's transaction, possibly anonymous.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long enqueueWithoutTenant(Email email) {
        return store(null, email);
    }

    private Long store(@Nullable Long tenantId, Email email) {
        return messages.save(new OutboxMessage(tenantId, email.kind(), email.recipient(), email.subject(), email.body(),
                email.link(), clock.instant())).getId();
    }

    /** Whether a mail server is configured; without one, messages wait in the outbox. */
    public boolean isSending() {
        return mailSender.getIfAvailable() != null;
    }

    /** The current tenant's messages, newest first. */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<OutboxEntry> list(long offset, int limit) {
        int size = Math.max(1, limit);
        return messages.findForTenant(tenantId(), PageRequest.of(Math.toIntExact(offset / size), size)).stream()
                .map(OutboxEntry::of)
                .toList();
    }

    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public long count() {
        return messages.countForTenant(tenantId());
    }

    /** Sends a given-up message of the current tenant once more, with a fresh retry schedule. */
    @RolesAllowed("ADMIN")
    @Transactional
    public void retry(Long id) {
        OutboxMessage message = messages.findOneForTenant(tenantId(), id)
                .orElseThrow(() -> new RecordNotFoundException("Email", id));
        if (message.getStatus() != DeliveryStatus.GAVE_UP) {
            throw new RuleViolationException(null, "This email is not given up: it is " + message.getStatus().label().toLowerCase()
                    + ". Reload the outbox to see its current state.");
        }
        message.retry(clock.instant());
    }

    private static Long tenantId() {
        return TenantContext.currentTenantId().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
    }
}
