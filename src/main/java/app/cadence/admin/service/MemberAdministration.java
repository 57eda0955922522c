package app.cadence.admin.service;

import app.cadence.admin.domain.Invitation;
import app.cadence.admin.domain.InvitationRepository;
import app.cadence.admin.domain.InvitationStatus;
import app.cadence.admin.service.MemberViews.InvitationRow;
import app.cadence.admin.service.MemberViews.MemberRow;
import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.mail.service.Outbox;
import app.cadence.shared.EmailAddress;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.MemberRecord;
import app.cadence.tenancy.service.Memberships;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelection;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's ADMIN manages its members: invites people by email with a role, changes roles,
 * deactivates and reactivates memberships (never deletes them). Every change is in the
 * security log; the last active ADMIN cannot be demoted or deactivated.
 */
@Service
@Transactional
@RolesAllowed(RoleSets.ADMINISTRATORS)
public class MemberAdministration {

    private final Memberships memberships;
    private final InvitationRepository invitations;
    private final Outbox outbox;
    private final SecurityLog securityLog;
    private final InvitationIssuer issuer;
    private final Clock clock;

    MemberAdministration(Memberships memberships, InvitationRepository invitations, Outbox outbox, SecurityLog securityLog,
                         InvitationIssuer issuer, Clock clock) {
        this.memberships = memberships;
        this.invitations = invitations;
        this.outbox = outbox;
        this.securityLog = securityLog;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MemberRow> members() {
        Long me = currentUser().userId();
        return memberships.allOf(TenantContext.requireTenantId()).stream()
                .map(m -> new MemberRow(m.userId(), m.displayName(), m.email(), m.role(), m.active(), m.joinedAt(), m.lastActiveAt(),
                        m.deactivatedAt(), m.userId().equals(me)))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<InvitationRow> invitations() {
        Instant now = clock.instant();
        return invitations.findAllOfTenant(TenantContext.requireTenantId()).stream()
                .map(i -> new InvitationRow(i.getId(), i.getEmail(), i.getRole(), i.status(now), i.getInvitedBy(), i.getCreatedAt(),
                        i.getExpiresAt()))
                .toList();
    }

    /** Whether invitations leave by email, or wait in the outbox for the ADMIN to pass the link on. */
    @Transactional(readOnly = true)
    public boolean emailIsSent() {
        return outbox.isSending();
    }

    public void changeRole(Long userId, Role role) {
        MemberRecord member = member(userId);
        if (member.role() == role) {
            return;
        }
        memberships.changeRole(TenantContext.requireTenantId(), userId, role);
        securityLog.recordInCurrentTenant(SecurityEventType.ROLE_CHANGED, member.email(), member.role().label() + " → " + role.label());
    }

    public void deactivate(Long userId) {
        MemberRecord member = member(userId);
        if (!member.active()) {
            return;
        }
        memberships.deactivate(TenantContext.requireTenantId(), userId);
        securityLog.recordInCurrentTenant(SecurityEventType.MEMBER_DEACTIVATED, member.email(), "Was " + member.role().label());
    }

    public void reactivate(Long userId) {
        MemberRecord member = member(userId);
        if (member.active()) {
            return;
        }
        memberships.reactivate(TenantContext.requireTenantId(), userId);
        securityLog.recordInCurrentTenant(SecurityEventType.MEMBER_REACTIVATED, member.email(), "As " + member.role().label());
    }

    /**
     * Invites someone by email. A new invitation replaces any still open for the same address;
     * the email (with its single-use link) is stored in the outbox in this transaction.
     */
    public InvitationRow invite(String email, Role role) {
        String address = email == null ? "" : email.strip();
        if (!EmailAddress.isValid(address)) {
            throw new RuleViolationException("email", "Enter one email address, e.g. pm@initech.example.");
        }
        if (role == null) {
            throw new RuleViolationException("role", "Choose the role they will have.");
        }
        Long tenantId = TenantContext.requireTenantId();
        Optional<MemberRecord> existing = memberships.findByEmail(tenantId, address);
        if (existing.isPresent() && existing.get().active()) {
            throw new RuleViolationException("email", existing.get().displayName() + " is already a member (" + existing.get().role().label() + ").");
        }
        if (existing.isPresent()) {
            throw new RuleViolationException("email", existing.get().displayName()
                    + " was a member before: reactivate their membership in the list instead of inviting them again.");
        }
        CadenceUser inviter = currentUser();
        String organisation = TenantContext.currentSelection().map(TenantSelection::tenantName).orElseThrow();
        InvitationIssuer.Issued issued = issuer.issue(tenantId, organisation, address, role, inviter.email(), inviter.displayName());
        Invitation invitation = issued.invitation();
        outbox.enqueue(issued.email());
        securityLog.recordInCurrentTenant(SecurityEventType.INVITATION_SENT, invitation.getEmail(), "As " + role.label());
        return new InvitationRow(invitation.getId(), invitation.getEmail(), role, InvitationStatus.PENDING, inviter.email(),
                invitation.getCreatedAt(), invitation.getExpiresAt());
    }

    public void revoke(Long invitationId) {
        Invitation invitation = invitations.findInTenant(TenantContext.requireTenantId(), invitationId)
                .orElseThrow(() -> new RecordNotFoundException("Invitation", invitationId));
        if (invitation.status(clock.instant()) != InvitationStatus.PENDING) {
            throw new RuleViolationException(null, "Only a waiting invitation can be revoked; this one is "
                    + invitation.status(clock.instant()).label().toLowerCase(Locale.ROOT) + ".");
        }
        invitation.revoke(clock.instant());
        securityLog.recordInCurrentTenant(SecurityEventType.INVITATION_REVOKED, invitation.getEmail(), "Was for " + invitation.getRole().label());
    }

    private MemberRecord member(Long userId) {
        return memberships.find(TenantContext.requireTenantId(), userId).orElseThrow(() -> new RecordNotFoundException("Member", userId));
    }


    private static CadenceUser currentUser() {
        return TenantContext.currentUser().orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }
}
