package app.cadence.work.service;

import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.project.domain.ProjectSql;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.work.domain.Instance;
import app.cadence.work.domain.InstanceItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells people about the work that concerns them, inside the transaction of the change:
 * <ul>
 *   <li>an item assigned to someone other than the person assigning it: its new assignee
 *       ({@code ITEM_ASSIGNED}; several at once in one bulk assignment are one notice);</li>
 *   <li>an item that becomes blocked: the project's manager ({@code BLOCKED_ON_YOUR_PROJECT}), or,
 *       for a project without one, the organisation's PMO members (its ADMINs when it has no PMO)
 *       — somebody who can unblock it always hears of it. Never the person who blocked it.</li>
 *   <li>an instance upgraded to a newer version of its template by someone else: the project's
 *       manager (as for a block), with what the upgrade did ({@code INSTANCE_UPGRADED}).</li>
 * </ul>
 * Each recipient's preferences decide whether an email goes with the in-app notice.
 */
@Component
class ItemNotices {

    private final Notifications notifications;
    private final MembershipDirectory members;
    private final JdbcClient jdbc;

    ItemNotices(Notifications notifications, MembershipDirectory members, JdbcClient jdbc) {
        this.notifications = notifications;
        this.members = members;
        this.jdbc = jdbc;
    }

    private record ProjectFacts(String key, String name, @Nullable Long pmUserId) {
    }

    void assigned(Instance instance, Collection<InstanceItem> items, Long assignee, Long byUserId, String byName) {
        if (items.isEmpty() || assignee.equals(byUserId)) {
            return;
        }
        ProjectFacts project = project(instance.getProjectId());
        InstanceItem first = items.iterator().next();
        String title = items.size() == 1 ? "Assigned to you: " + first.getTitle() : items.size() + " items assigned to you in " + project.key();
        String body = project.key() + " · " + instance.getName() + " · by " + byName
                + (items.size() == 1 ? "" : "\n" + String.join("\n", items.stream().limit(10).map(i -> "• " + i.getTitle()).toList())
                + (items.size() > 10 ? "\n… and " + (items.size() - 10) + " more" : ""));
        notifications.send(NotificationRequest.to(assignee, NotificationKind.ITEM_ASSIGNED, title)
                .withBody(body)
                .withLink(link(instance, items.size() == 1 ? first : null)));
    }

    void blocked(Instance instance, Collection<InstanceItem> items, Long byUserId, String byName) {
        if (items.isEmpty()) {
            return;
        }
        ProjectFacts project = project(instance.getProjectId());
        Set<Long> recipients = new LinkedHashSet<>(managers(project));
        recipients.remove(byUserId);
        if (recipients.isEmpty()) {
            return;
        }
        InstanceItem first = items.iterator().next();
        String title = items.size() == 1 ? "Blocked on " + project.key() + ": " + first.getTitle()
                : items.size() + " items blocked on " + project.key();
        StringBuilder body = new StringBuilder(project.name()).append(" · ").append(instance.getName()).append(" · by ").append(byName);
        items.stream().limit(10).forEach(i -> body.append("\n• ").append(i.getTitle())
                .append(i.getBlockedReason() == null ? "" : ": " + i.getBlockedReason()));
        if (items.size() > 10) {
            body.append("\n… and ").append(items.size() - 10).append(" more");
        }
        // The same block reported once, should the same change be announced twice.
        String key = items.size() == 1 ? "item:" + first.getId() + ":blocked:" + first.getVersion() : null;
        notifications.send(NotificationRequest.to(recipients, NotificationKind.BLOCKED_ON_YOUR_PROJECT, title)
                .withBody(body.toString())
                .withLink(link(instance, items.size() == 1 ? first : null))
                .withDedupeKey(key));
    }

    void upgraded(Instance instance, int fromNumber, int toNumber, String counts, Long byUserId, String byName) {
        ProjectFacts project = project(instance.getProjectId());
        List<Long> recipients = managers(project).stream().filter(id -> !id.equals(byUserId)).toList();
        if (recipients.isEmpty()) {
            return;
        }
        notifications.send(NotificationRequest.to(recipients, NotificationKind.INSTANCE_UPGRADED,
                        "“" + instance.getName() + "” now follows " + instance.getTemplateName() + " version " + toNumber)
                .withBody(project.key() + " · upgraded from version " + fromNumber + " by " + byName + ": " + counts
                        + ". Your team's progress, assignees, due dates and notes are kept; the instance's upgrade history shows what changed.")
                .withLink(link(instance, null)));
    }

    /** The project's manager; without one, the PMO members, or the ADMINs when there are none. */
    private List<Long> managers(ProjectFacts project) {
        if (project.pmUserId() != null) {
            return List.of(project.pmUserId());
        }
        List<MemberSummary> all = members.activeMembers();
        List<Long> pmo = all.stream().filter(m -> m.role() == Role.PMO).map(MemberSummary::userId).toList();
        return pmo.isEmpty() ? all.stream().filter(m -> m.role() == Role.ADMIN).map(MemberSummary::userId).toList() : pmo;
    }

    private ProjectFacts project(Long projectId) {
        return jdbc.sql("select p.project_key, p.name, p.pm_user_id from (" + ProjectSql.PROJECTS + ") p where p.project_id = :project")
                .param("tenant", InstanceRecords.tenantId()).param("project", projectId)
                .query((rs, i) -> new ProjectFacts(rs.getString("project_key"), rs.getString("name"), rs.getObject("pm_user_id", Long.class)))
                .optional().orElse(new ProjectFacts("?", "?", null));
    }

    static String link(Instance instance, @Nullable InstanceItem item) {
        return "/instances/" + instance.getId() + (item == null ? "" : "?item=" + item.getId());
    }

    /** Groups items by their new assignee, keeping the order. */
    static Map<Long, List<InstanceItem>> byAssignee(Collection<InstanceItem> items) {
        Map<Long, List<InstanceItem>> grouped = new LinkedHashMap<>();
        items.stream().filter(i -> i.getAssigneeUserId() != null)
                .forEach(i -> grouped.computeIfAbsent(Objects.requireNonNull(i.getAssigneeUserId()), k -> new ArrayList<>()).add(i));
        return grouped;
    }
}
