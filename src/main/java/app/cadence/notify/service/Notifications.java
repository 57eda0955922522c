package app.cadence.notify.service;

import app.cadence.notify.domain.Notification;
import app.cadence.notify.domain.NotificationRepository;
import app.cadence.notify.events.NotificationSent;
import app.cadence.notify.events.NotificationsRead;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelection;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import app.cadence.notify.domain.EmailDelivery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one notification service of the product. Other modules {@link #send} notices inside the
 * transaction of the change that causes them; each recipient gets an in-app notice and an email
 * through the outbox, and their open screens hear of it after commit. Everything else here is the
 * signed-in person's own notices in the current tenant: nobody reads or marks anyone else's, and
 * another tenant's notice is as missing as one that never existed.
 *
 * <p>Each recipient's preference for the kind ({@link NotificationPreferences}: immediately, daily
 * digest, off) decides the email, never the in-app notice: immediately queues it now; a digest
 * notice waits for {@link DailyDigest}; off sends none. A kind the organisation posts to its chat
 * channel is announced there once per request ({@link ChatOutbox}), whatever the recipients chose.
 */
@NamedInterface("api")
@Service
public class Notifications {

    /** The most one page of the list may ask for. */
    public static final int PAGE_MAX = 100;

    private final NotificationRepository notifications;
    private final NotificationStore store;
    private final NotificationEmails emails;
    private final MembershipDirectory members;
    private final NotificationPreferences preferences;
    private final ChatOutbox chat;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(NotificationRepository notifications, NotificationStore store, NotificationEmails emails, MembershipDirectory members,
                  NotificationPreferences preferences, ChatOutbox chat, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.store = store;
        this.emails = emails;
        this.members = members;
        this.preferences = preferences;
        this.chat = chat;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Notifies those recipients who are active members of the current tenant (anybody else is
     * skipped: a notice never crosses tenants, nor reaches a deactivated member) and who have no
     * notice with the request's dedupe key yet. Runs inside the caller's transaction, so the notices
     * and their emails commit or roll back with the change; the caller decides who may cause what.
     * Returns how many people were notified now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int send(NotificationRequest request) {
        TenantSelection tenant = TenantContext.currentSelection()
                .orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
        Set<Long> alreadyNotified = request.dedupeKey() == null ? Set.of()
                : new HashSet<>(notifications.recipientsWithKey(tenant.tenantId(), request.dedupeKey(), request.recipients()));
        Instant now = clock.instant();
        ChangedBy sender = ChangedBy.current();
        List<MemberSummary> recipients = members.activeMembers(request.recipients()).stream()
                .filter(r -> !alreadyNotified.contains(r.userId())).toList();
        if (recipients.isEmpty()) {
            return 0;
        }
        Map<Long, EmailDelivery> choices = preferences.deliveries(tenant.tenantId(), request.kind(),
                recipients.stream().map(MemberSummary::userId).toList());
        List<MemberSummary> notified = new ArrayList<>(recipients.size());
        for (MemberSummary recipient : recipients) {
            EmailDelivery delivery = choices.getOrDefault(recipient.userId(), EmailDelivery.IMMEDIATELY);
            Long id = store.insert(new NotificationStore.NewNotice(tenant.tenantId(), recipient.userId(), request.kind().name(),
                    request.title(), request.body(), request.link(), request.dedupeKey(), now,
                    delivery == EmailDelivery.DAILY_DIGEST)).orElse(null);
            if (id == null) {
                continue; // a concurrent send with the same key got there first
            }
            if (delivery == EmailDelivery.IMMEDIATELY) {
                emails.queue(recipient, request, tenant.tenantName());
            }
            events.publishEvent(new NotificationSent(tenant.tenantId(), id, recipient.userId(), request.kind(), sender, now));
            notified.add(recipient);
        }
        if (!notified.isEmpty()) {
            chat.announce(tenant, request, notified);
        }
        return notified.size();
    }

    /** How many of the signed-in person's notices in this tenant are unread: the bell's badge. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.countUnread(TenantContext.requireTenantId(), me());
    }

    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public long count() {
        return notifications.countAll(TenantContext.requireTenantId(), me());
    }

    /** The signed-in person's notices, newest first; {@code offset} is a multiple of {@code limit} (as a grid asks). */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public List<NotificationView> recent(long offset, int limit) {
        int size = Math.clamp(limit, 1, PAGE_MAX);
        return notifications.findRecent(TenantContext.requireTenantId(), me(), PageRequest.of(Math.toIntExact(offset / size), size))
                .stream().map(NotificationView::of).toList();
    }

    /** The signed-in person's unread notices in this tenant, newest first, at most {@code limit}. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public List<NotificationView> unread(int limit) {
        return notifications.findUnread(TenantContext.requireTenantId(), me(), PageRequest.of(0, Math.clamp(limit, 1, PAGE_MAX)))
                .stream().map(NotificationView::of).toList();
    }

    /** Marks one of the signed-in person's notices read; anyone else's, in any tenant, is not found. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional
    public void markRead(Long id) {
        Long tenantId = TenantContext.requireTenantId();
        Notification notice = notifications.findOwn(id, tenantId, me())
                .orElseThrow(() -> new RecordNotFoundException("Notification", id));
        if (!notice.isRead()) {
            notice.markRead(clock.instant());
            events.publishEvent(new NotificationsRead(tenantId, me(), id, ChangedBy.current(), clock.instant()));
        }
    }

    /** Marks every unread notice of the signed-in person in this tenant read; returns how many. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional
    public int markAllRead() {
        Long tenantId = TenantContext.requireTenantId();
        int marked = notifications.markAllRead(tenantId, me(), clock.instant());
        if (marked > 0) {
            events.publishEvent(new NotificationsRead(tenantId, me(), null, ChangedBy.current(), clock.instant()));
        }
        return marked;
    }

    private static Long me() {
        return TenantContext.currentUser().map(CadenceUser::userId)
                .orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }
}
