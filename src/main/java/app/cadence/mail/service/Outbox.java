package app.cadence.mail.service;

import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.domain.OutboxMessage;
import app.cadence.mail.domain.OutboxMessageRepository;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.EnumMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persistent outbox: features store an email in the same transaction as the change that
 * causes it (an invitation, a password reset), so either both commit or neither does;
 * {@link OutboxDispatcher} sends it later. The ADMIN sees the current tenant's messages.
 */
@NamedInterface("api")
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxMessageRepository messages;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final OutboxSeal seal;
    private final Map<EmailKind, ActionLinkCheck> linkChecks;
    private final Clock clock;

    Outbox(OutboxMessageRepository messages, ObjectProvider<JavaMailSender> mailSender, OutboxSeal seal,
           List<ActionLinkCheck> linkChecks, Clock clock) {
        this.messages = messages;
        this.mailSender = mailSender;
        this.seal = seal;
        this.linkChecks = new EnumMap<>(EmailKind.class);
        linkChecks.forEach(check -> this.linkChecks.put(check.kind(), check));
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

    /** Text and link go in sealed: they carry single-use tokens that the database must not hold in clear. */
    private Long store(@Nullable Long tenantId, Email email) {
        String context = OutboxMessage.sealContext(email.kind(), email.recipient());
        String link = email.link();
        return messages.save(new OutboxMessage(tenantId, email.kind(), email.recipient(), email.subject(),
                seal.seal(email.body(), context), link == null ? null : seal.seal(link, context), email.expiresAt(),
                clock.instant())).getId();
    }

    /** Where one message of the current tenant is on its way out, for the screen that caused it (no content). */
    @NamedInterface("api")
    public record DeliveryState(Long id, String status, boolean failed, @Nullable String lastError, @Nullable Instant sentAt) {
    }

    /**
     * The delivery state of some of the current tenant's messages, by id; another tenant's are not
     * there. Anyone who may see the record that sent them may see this (a project's communication log).
     */
    @Transactional(readOnly = true)
    public Map<Long, DeliveryState> states(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, DeliveryState> states = new java.util.HashMap<>();
        for (OutboxMessage m : messages.findSomeForTenant(TenantContext.requireTenantId(), ids)) {
            states.put(m.getId(), new DeliveryState(m.getId(), m.getStatus().label(),
                    m.getStatus() == DeliveryStatus.GAVE_UP || m.getStatus() == DeliveryStatus.FAILED_RETRYING || m.getStatus() == DeliveryStatus.EXPIRED,
                    m.getLastError(), m.getSentAt()));
        }
        return states;
    }

    /** Whether a mail server is configured; without one, messages wait in the outbox. */
    public boolean isSending() {
        return mailSender.getIfAvailable() != null;
    }

    /** The current tenant's messages, newest first. */
    @RolesAllowed(RoleSets.ADMINISTRATORS)
    @Transactional(readOnly = true)
    public List<OutboxEntry> list(long offset, int limit) {
        int size = Math.max(1, limit);
        return messages.findForTenant(TenantContext.requireTenantId(), PageRequest.of(Math.toIntExact(offset / size), size)).stream()
                .map(m -> OutboxEntry.of(m, usableLink(m)))
                .toList();
    }

    @RolesAllowed(RoleSets.ADMINISTRATORS)
    @Transactional(readOnly = true)
    public long count() {
        return messages.countForTenant(TenantContext.requireTenantId());
    }

    /** Sends a given-up message of the current tenant once more, with a fresh retry schedule. */
    @RolesAllowed(RoleSets.ADMINISTRATORS)
    @Transactional
    public void retry(Long id) {
        OutboxMessage message = messages.findOneForTenant(TenantContext.requireTenantId(), id)
                .orElseThrow(() -> new RecordNotFoundException("Email", id));
        if (message.getStatus() != DeliveryStatus.GAVE_UP) {
            throw new RuleViolationException(null, "This email is not given up: it is " + message.getStatus().label().toLowerCase()
                    + ". Reload the outbox to see its current state.");
        }
        if (!message.hasContent() || message.isExpired(clock.instant())) {
            throw new RuleViolationException(null, "The link in this email has expired, so it is not sent again. "
                    + "Send a new one instead, e.g. invite the person again.");
        }
        message.retry(clock.instant());
    }

    /**
     * The link to show the ADMIN: only while the message still holds it (not sent, not expired)
     * and the feature that issued it says it still works (not used, not withdrawn). A sent
     * message shows none: the email carried it, and an ADMIN who needs another sends a new one.
     */
    private @Nullable String usableLink(OutboxMessage m) {
        String sealed = m.getSealedLink();
        ActionLinkCheck check = linkChecks.get(m.getKind());
        if (sealed == null || check == null || m.isExpired(clock.instant())
                || !(m.getStatus().isOpen() || m.getStatus() == DeliveryStatus.GAVE_UP)) {
            return null;
        }
        try {
            String link = seal.open(sealed, m.sealContext());
            return check.isUsable(link) ? link : null;
        } catch (OutboxSeal.SealBrokenException e) {
            log.warn("The link of email {} cannot be shown: {}", m.getId(), e.getMessage());
            return null;
        }
    }
}
