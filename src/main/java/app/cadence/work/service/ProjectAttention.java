package app.cadence.work.service;

import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.template.domain.StepType;
import app.cadence.work.domain.InstanceItemRepository;
import app.cadence.work.domain.ItemStatus;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items of a project that need someone's attention, for a status report: blocked ones with
 * their reasons, overdue ones (most overdue first) and milestones coming up. Counted as the
 * project's health counts them: not-applicable items and rollback steps never appear.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class ProjectAttention {

    /** An item with where it lives and who owns it; {@code ownerName} is null when nobody active is assigned. */
    public record AttentionItem(Long itemId, Long instanceId, String instanceName, String templateName, String title, ItemStatus status,
                                @Nullable StepType stepType, @Nullable String ownerName, @Nullable Instant dueAt,
                                @Nullable String blockedReason) {
    }

    private final InstanceItemRepository items;
    private final MembershipDirectory members;

    ProjectAttention(InstanceItemRepository items, MembershipDirectory members) {
        this.items = items;
        this.members = members;
    }

    /** Blocked items, soonest due first, at most {@code limit}. */
    public List<AttentionItem> blocked(Long projectId, int limit) {
        return named(items.findBlocked(TenantContext.requireTenantId(), projectId, PageRequest.of(0, Math.max(1, limit))));
    }

    /** Outstanding items due before {@code now}, most overdue first, at most {@code limit}. */
    public List<AttentionItem> overdue(Long projectId, Instant now, int limit) {
        return named(items.findOverdue(TenantContext.requireTenantId(), projectId, now, PageRequest.of(0, Math.max(1, limit))));
    }

    /** Milestone steps not yet done, due in [from, to), in date order, at most {@code limit}. */
    public List<AttentionItem> milestones(Long projectId, Instant from, Instant to, int limit) {
        return named(items.findMilestones(TenantContext.requireTenantId(), projectId, from, to, PageRequest.of(0, Math.max(1, limit))));
    }

    private List<AttentionItem> named(List<Object[]> rows) {
        List<Long> owners = rows.stream().map(r -> (Long) r[6]).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = owners.isEmpty() ? Map.of()
                : members.activeMembers(owners).stream().collect(Collectors.toMap(MemberSummary::userId, MemberSummary::displayName));
        return rows.stream().map(r -> new AttentionItem((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4],
                (ItemStatus) r[5], (StepType) r[9], r[6] == null ? null : names.get((Long) r[6]), (Instant) r[7], (String) r[8])).toList();
    }
}
