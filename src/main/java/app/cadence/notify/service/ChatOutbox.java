package app.cadence.notify.service;

import app.cadence.notify.domain.ChatMessage;
import app.cadence.notify.domain.ChatMessageRepository;
import app.cadence.notify.domain.ChatSettings;
import app.cadence.notify.domain.ChatSettingsRepository;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.shared.PublicLinks;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.TenantSelection;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a notice for the organisation's chat channel, in the transaction of the change that
 * causes it, when the ADMIN chose its kind for chat. One message per request, naming its
 * recipients: a channel is shared, so "assigned to you" says to whom. {@link ChatDispatcher}
 * posts it.
 */
@Component
class ChatOutbox {

    private final ChatSettingsRepository settings;
    private final ChatMessageRepository messages;
    private final PublicLinks links;
    private final Clock clock;

    ChatOutbox(ChatSettingsRepository settings, ChatMessageRepository messages, PublicLinks links, Clock clock) {
        this.settings = settings;
        this.messages = messages;
        this.links = links;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void announce(TenantSelection tenant, NotificationRequest request, List<MemberSummary> recipients) {
        ChatSettings chat = settings.findForTenant(tenant.tenantId()).orElse(null);
        if (chat == null || !chat.posts(request.kind())) {
            return;
        }
        String names = recipients.stream().map(MemberSummary::displayName).limit(5).collect(Collectors.joining(", "))
                + (recipients.size() > 5 ? " and " + (recipients.size() - 5) + " more" : "");
        StringBuilder text = new StringBuilder("[").append(tenant.tenantName()).append("] ").append(request.kind().label())
                .append(" · for ").append(names).append('\n').append(request.title());
        if (request.body() != null) {
            text.append('\n').append(request.body());
        }
        if (request.link() != null) {
            text.append('\n').append(links.to(request.link()));
        }
        messages.save(new ChatMessage(request.kind(), text.toString(), clock.instant()));
    }

    /** The ADMIN's test message, queued like any other. */
    @Transactional(propagation = Propagation.MANDATORY)
    Long test(TenantSelection tenant, String by) {
        return messages.save(new ChatMessage(NotificationKind.GENERIC, "[" + tenant.tenantName() + "] Test message from Cadence, sent by "
                + by + ". Notifications of the chosen kinds will appear in this channel.", clock.instant())).getId();
    }
}
