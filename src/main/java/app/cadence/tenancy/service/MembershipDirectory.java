package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.MembershipRepository;
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

    private final MembershipRepository memberships;

    MembershipDirectory(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    public List<MemberSummary> activeMembers() {
        Long tenantId = TenantContext.currentTenantId().orElse(TenantContext.NO_TENANT);
        return memberships.findActiveMembers(tenantId).stream()
                .map(m -> new MemberSummary(m.getUser().getId(), m.getUser().getDisplayName(), m.getUser().getEmail(), m.getRole()))
                .toList();
    }

    /** Those of the given people who are active members of the current tenant (one statement); nobody without a tenant. */
    public List<MemberSummary> activeMembers(java.util.Collection<Long> userIds) {
        Long tenantId = TenantContext.currentTenantId().orElse(TenantContext.NO_TENANT);
        if (userIds.isEmpty()) {
            return List.of();
        }
        return memberships.findActiveMembers(tenantId, userIds).stream()
                .map(m -> new MemberSummary(m.getUser().getId(), m.getUser().getDisplayName(), m.getUser().getEmail(), m.getRole()))
                .toList();
    }

    public boolean isActiveMember(Long userId) {
        return activeMembers().stream().anyMatch(m -> m.userId().equals(userId));
    }
}
