package app.cadence.admin.service;

import app.cadence.admin.domain.InvitationStatus;
import app.cadence.tenancy.domain.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the member administration screens show. */
public final class MemberViews {

    private MemberViews() {
    }

    public record MemberRow(Long userId, String displayName, String email, Role role, boolean active, Instant joinedAt,
                            @Nullable Instant lastActiveAt, @Nullable Instant deactivatedAt, boolean you) {
    }

    public record InvitationRow(Long id, String email, Role role, InvitationStatus status, String invitedBy, Instant createdAt,
                                Instant expiresAt) {
    }

    /** An invitation as its recipient sees it on opening the link. */
    public record InvitationDetails(String tenantName, String email, Role role, InvitationStatus status, boolean accountExists,
                                    @Nullable String signedInEmail) {

        public boolean signedInAsInvitee() {
            return email.equalsIgnoreCase(signedInEmail == null ? "" : signedInEmail);
        }
    }
}
