package app.cadence.notify.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.notify.domain.ChatMessage;
import app.cadence.notify.domain.ChatMessageRepository;
import app.cadence.notify.domain.ChatMessageStatus;
import app.cadence.notify.domain.ChatSettings;
import app.cadence.notify.domain.ChatSettingsRepository;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.domain.WebhookAddress;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelection;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation's chat webhook, for its ADMIN: the address (shown masked, never in full once
 * saved), the kinds posted there, a test message, and the chat outbox with each message's
 * attempts and last error. Changes are audited, the address masked there too.
 */
@Service
@RolesAllowed(RoleSets.ADMINISTRATORS)
public class ChatWebhooks {

    /** What the admin page shows: never the address itself. */
    public record Settings(@Nullable String maskedUrl, Set<NotificationKind> kinds, long version, @Nullable Instant updatedAt,
                           @Nullable String updatedBy) {
        public boolean hasWebhook() {
            return maskedUrl != null;
        }
    }

    /** One message of the chat outbox as the ADMIN sees it. */
    public record MessageRow(Long id, NotificationKind kind, String text, ChatMessageStatus status, int attempts,
                             @Nullable Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {
        static MessageRow of(ChatMessage m) {
            return new MessageRow(Objects.requireNonNull(m.getId()), m.getKind(), m.getText(), m.getStatus(), m.getAttempts(),
                    m.getNextAttemptAt(), m.getLastError(), m.getCreatedAt(), m.getSentAt());
        }
    }

    private final ChatSettingsRepository settings;
    private final ChatMessageRepository messages;
    private final ChatAddressCheck addresses;
    private final ChatOutbox outbox;
    private final ChatDispatcher dispatcher;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;

    ChatWebhooks(ChatSettingsRepository settings, ChatMessageRepository messages, ChatAddressCheck addresses, ChatOutbox outbox,
                 ChatDispatcher dispatcher, AuditTrail audit, Clock clock, PlatformTransactionManager transactionManager) {
        this.settings = settings;
        this.messages = messages;
        this.addresses = addresses;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    public Settings settings() {
        Long tenantId = TenantContext.requireTenantId();
        return Objects.requireNonNull(readOnly.execute(s -> settings.findForTenant(tenantId)
                .map(c -> new Settings(c.getWebhookUrl() == null ? null : WebhookAddress.masked(c.getWebhookUrl()), c.getKinds(),
                        c.getVersion(), c.getUpdatedAt(), c.getUpdatedBy()))
                .orElse(new Settings(null, EnumSet.noneOf(NotificationKind.class), -1, null, null))));
    }

    /**
     * Saves the kinds and, when {@code newUrl} is given, a new address (checked: https, a public
     * host, also after DNS resolution); {@code removeWebhook} clears the address. {@code version}
     * is the one the page showed (-1: none saved yet): a concurrent change is refused.
     */
    public Settings save(@Nullable String newUrl, boolean removeWebhook, Set<NotificationKind> kinds, long version) {
        Long tenantId = TenantContext.requireTenantId();
        String checked = newUrl == null || newUrl.isBlank() ? null : addresses.check(newUrl);
        String by = TenantContext.currentUserName();
        transactions.executeWithoutResult(s -> {
            ChatSettings chat = settings.findForTenant(tenantId).orElse(null);
            if (chat == null) {
                if (version != -1) {
                    throw new RuleViolationException(null, "These settings were removed meanwhile. Reload the page.");
                }
                chat = new ChatSettings();
            } else if (chat.getVersion() != version) {
                throw new ConcurrentChangeException("The chat settings", chat.getUpdatedBy(), chat.getUpdatedAt());
            }
            String before = chat.getWebhookUrl();
            Set<NotificationKind> kindsBefore = chat.getKinds();
            String url = removeWebhook ? null : checked != null ? checked : before;
            if (url == null && !kinds.isEmpty()) {
                throw new RuleViolationException("webhookUrl", "Enter the webhook address first, or choose no kinds.");
            }
            chat.change(url, kinds, clock.instant(), by);
            ChatSettings saved = settings.save(chat);
            AuditTrail.Subject subject = new AuditTrail.Subject("Chat webhook", Objects.requireNonNull(saved.getId()), null, "Chat webhook");
            if (!Objects.equals(before, url)) {
                audit.changed(subject, "Webhook address", before == null ? null : WebhookAddress.masked(before),
                        url == null ? null : WebhookAddress.masked(url));
            }
            if (!kindsBefore.equals(saved.getKinds())) {
                audit.changed(subject, "Kinds", labels(kindsBefore), labels(saved.getKinds()));
            }
        });
        return settings();
    }

    /**
     * Posts a test message now and says how it went: the message stays in the chat outbox, and a
     * failure is retried like any other.
     */
    public MessageRow sendTest() {
        TenantSelection tenant = TenantContext.currentSelection().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
        if (!settings().hasWebhook()) {
            throw new RuleViolationException("webhookUrl", "Save a webhook address first, then send a test message.");
        }
        String by = TenantContext.currentUserName();
        Long id = Objects.requireNonNull(transactions.execute(s -> outbox.test(tenant, by)));
        dispatcher.post(id);
        return dispatcher.message(tenant.tenantId(), id).map(MessageRow::of)
                .orElseThrow(() -> new IllegalStateException("The test message " + id + " disappeared"));
    }

    /** The chat outbox of this organisation, newest first. */
    public List<MessageRow> messages(long offset, int limit) {
        Long tenantId = TenantContext.requireTenantId();
        int size = Math.clamp(limit, 1, 100);
        return Objects.requireNonNull(readOnly.execute(s -> messages.findForTenant(tenantId, PageRequest.of(Math.toIntExact(offset / size), size))
                .stream().map(MessageRow::of).toList()));
    }

    public long countMessages() {
        Long tenantId = TenantContext.requireTenantId();
        return Objects.requireNonNull(readOnly.execute(s -> messages.countForTenant(tenantId)));
    }

    private static String labels(Set<NotificationKind> kinds) {
        return kinds.isEmpty() ? "none" : kinds.stream().map(NotificationKind::label).sorted().collect(Collectors.joining(", "));
    }
}
