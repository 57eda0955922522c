package app.cadence.admin.service;

import app.cadence.admin.domain.Invitation;
import app.cadence.admin.domain.InvitationRepository;
import app.cadence.admin.service.MemberViews.InvitationDetails;
import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.security.service.PasswordPolicy;
import app.cadence.shared.SecretTokens;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.Memberships;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantProvisioning;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitee's side: whoever holds the link may see which organisation invites which address
 * with which role. Accepting needs proof of the address: for a new account, the code that only
 * the invitation email carries (the inviting ADMIN may have seen the link, never the code); for
 * an existing one, signing in as that address first (a consultant joining another client).
 */
@Service
@Transactional
public class InvitationAcceptance {

    private final InvitationRepository invitations;
    private final TenantProvisioning provisioning;
    private final Memberships memberships;
    private final PasswordPolicy passwords;
    private final SecurityLog securityLog;
    private final Clock clock;

    InvitationAcceptance(InvitationRepository invitations, TenantProvisioning provisioning, Memberships memberships,
                         PasswordPolicy passwords, SecurityLog securityLog, Clock clock) {
        this.invitations = invitations;
        this.provisioning = provisioning;
        this.memberships = memberships;
        this.passwords = passwords;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** What the link is about, or empty for a link that never existed. */
    @Transactional(readOnly = true)
    public Optional<InvitationDetails> look(String token) {
        return find(token).map(i -> new InvitationDetails(provisioning.tenantName(i.getTenantId()), i.getEmail(), i.getRole(),
                i.status(clock.instant()), provisioning.findUserId(i.getEmail()).isPresent(),
                TenantContext.currentUser().map(CadenceUser::email).orElse(null)));
    }

    /**
     * Accepts for an address that has no account yet: the account is created with the given name
     * and password, once {@code code} proves that the person read the invitation email.
     */
    public Long acceptAsNewUser(String token, String code, String displayName, String password) {
        Invitation invitation = pending(token);
        if (provisioning.findUserId(invitation.getEmail()).isPresent()) {
            throw new RuleViolationException(null, "An account already exists for " + invitation.getEmail() + ": sign in to accept.");
        }
        if (code == null || code.isBlank() || code.length() > 40 || !invitation.codeMatches(InvitationCode.hash(code))) {
            throw new RuleViolationException("code", "Enter the code from the invitation email sent to " + invitation.getEmail()
                    + " (or open the link in that email, which fills it in). If that email has no code, ask for a new invitation.");
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new RuleViolationException("displayName", "Enter your name as colleagues should see it (up to 120 characters).");
        }
        passwords.check(password == null ? "" : password, invitation.getEmail(), name);
        Long userId = provisioning.createUser(invitation.getEmail(), name, password);
        return join(invitation, userId);
    }

    /** Accepts as the signed-in user, who must be the invited address. */
    public Long acceptAsSignedIn(String token) {
        CadenceUser user = TenantContext.currentUser().orElseThrow(() -> new AccessDeniedException("Sign in first."));
        Invitation invitation = pending(token);
        if (!invitation.getEmail().equalsIgnoreCase(user.email())) {
            throw new RuleViolationException(null, "This invitation is for " + invitation.getEmail() + ", and you are signed in as "
                    + user.email() + ". Sign out and sign in as " + invitation.getEmail() + " to accept it.");
        }
        return join(invitation, user.userId());
    }

    private Long join(Invitation invitation, Long userId) {
        memberships.join(invitation.getTenantId(), userId, invitation.getRole());
        invitation.accept(clock.instant());
        securityLog.record(SecurityEventType.INVITATION_ACCEPTED, invitation.getTenantId(), invitation.getEmail(), invitation.getEmail(),
                "As " + invitation.getRole().label());
        return invitation.getTenantId();
    }

    private Invitation pending(String token) {
        Invitation invitation = find(token).orElseThrow(() -> new RuleViolationException(null, UNKNOWN));
        switch (invitation.status(clock.instant())) {
            case PENDING -> {
                return invitation;
            }
            case ACCEPTED -> throw new RuleViolationException(null, "This invitation has already been used. Sign in to work in the organisation.");
            case EXPIRED -> throw new RuleViolationException(null, "This invitation has expired. Ask the person who invited you for a new one.");
            case REVOKED -> throw new RuleViolationException(null, "This invitation was withdrawn. Ask the organisation's administrator if you need access.");
        }
        throw new IllegalStateException();
    }

    static final String UNKNOWN = "This invitation link is not valid. Check that you copied the whole link from the email.";

    private Optional<Invitation> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return invitations.findByTokenHash(SecretTokens.hash(token));
    }
}
