package app.cadence.tenancy.service;

import app.cadence.shared.domain.SearchTerm;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/** Members of the current tenant. */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class MembershipDirectory {

    /**
     * Read as summaries, not as entities: every portfolio, instance and run screen opened reads
     * the whole list (pickers, names), and loading a membership and a user entity per member was
     * 4% of the server's CPU under the C11 load.
     */
    private static final String ACTIVE_MEMBERS = """
            select new app.cadence.tenancy.service.MemberSummary(u.id, u.displayName, u.email, m.role)
            from Membership m join m.user u
            where m.tenant.id = :tenantId and m.active = true and u.enabled = true
            order by u.displayName""";

    private static final String ACTIVE_MEMBERS_AMONG = """
            select new app.cadence.tenancy.service.MemberSummary(u.id, u.displayName, u.email, m.role)
            from Membership m join m.user u
            where m.tenant.id = :tenantId and u.id in :userIds and m.active = true and u.enabled = true""";

    /**
     * Those whose name or address contains what was typed, a page at a time: for pickers that fetch
     * as the person types. {@code %s}: a further condition on the membership (none, or its role).
     */
    private static final String MEMBERS_MATCHING = """
            select new app.cadence.tenancy.service.MemberSummary(u.id, u.displayName, u.email, m.role)
            from Membership m join m.user u
            where m.tenant.id = :tenantId and m.active = true and u.enabled = true%s
              and (lower(u.displayName) like :pattern escape '!' or lower(u.email) like :pattern escape '!')
            order by u.displayName, u.id""";

    private static final String COUNT_MEMBERS_MATCHING = """
            select count(m) from Membership m join m.user u
            where m.tenant.id = :tenantId and m.active = true and u.enabled = true%s
              and (lower(u.displayName) like :pattern escape '!' or lower(u.email) like :pattern escape '!')""";

    private static final String ANY_ROLE = "";
    /** Who may be given work: every role but viewers (as {@code ItemWork} checks an assignee). */
    private static final String GIVEN_WORK = " and m.role <> app.cadence.tenancy.domain.Role.VIEWER";

    private final EntityManager entityManager;

    MembershipDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<MemberSummary> activeMembers() {
        Long tenantId = TenantContext.currentTenantId().orElse(TenantContext.NO_TENANT);
        return entityManager.createQuery(ACTIVE_MEMBERS, MemberSummary.class).setParameter("tenantId", tenantId).getResultList();
    }

    /**
     * One page of the active members whose name or email address contains {@code typed} (any
     * case; wildcards taken literally), by name: a picker then holds the page the person scrolls
     * to, not the whole organisation (500 people in the C11 load).
     */
    public List<MemberSummary> activeMembersMatching(String typed, int offset, int limit) {
        return matching(ANY_ROLE, typed, offset, limit);
    }

    /** How many active members {@link #activeMembersMatching} finds in all. */
    public int countActiveMembersMatching(String typed) {
        return countMatching(ANY_ROLE, typed);
    }

    /**
     * Like {@link #activeMembersMatching}, among those who may be given work (not viewers): the
     * assignee pickers of a checklist.
     */
    public List<MemberSummary> assignableMembersMatching(String typed, int offset, int limit) {
        return matching(GIVEN_WORK, typed, offset, limit);
    }

    /** How many members {@link #assignableMembersMatching} finds in all. */
    public int countAssignableMembersMatching(String typed) {
        return countMatching(GIVEN_WORK, typed);
    }

    private List<MemberSummary> matching(String condition, String typed, int offset, int limit) {
        Long tenantId = TenantContext.currentTenantId().orElse(TenantContext.NO_TENANT);
        return entityManager.createQuery(MEMBERS_MATCHING.formatted(condition), MemberSummary.class).setParameter("tenantId", tenantId)
                .setParameter("pattern", new SearchTerm(typed).containsPattern())
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultList();
    }

    private int countMatching(String condition, String typed) {
        Long tenantId = TenantContext.currentTenantId().orElse(TenantContext.NO_TENANT);
        return Math.toIntExact(entityManager.createQuery(COUNT_MEMBERS_MATCHING.formatted(condition), Long.class).setParameter("tenantId", tenantId)
                .setParameter("pattern", new SearchTerm(typed).containsPattern()).getSingleResult());
    }

    /** Those of the given people who are active members of the current tenant (one statement); nobody without a tenant. */
    public List<MemberSummary> activeMembers(java.util.Collection<Long> userIds) {
        Long tenantId = TenantContext.currentTenantId().orElse(TenantContext.NO_TENANT);
        if (userIds.isEmpty()) {
            return List.of();
        }
        // Summaries, not entities: asked on every item saved (the assignee's name), where loading a
        // membership and a user entity per person cost more than the statement itself.
        return entityManager.createQuery(ACTIVE_MEMBERS_AMONG, MemberSummary.class).setParameter("tenantId", tenantId)
                .setParameter("userIds", userIds).getResultList();
    }

    public boolean isActiveMember(Long userId) {
        return !activeMembers(java.util.List.of(userId)).isEmpty();
    }
}
