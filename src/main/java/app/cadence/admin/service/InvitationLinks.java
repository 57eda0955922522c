package app.cadence.admin.service;

import app.cadence.admin.domain.InvitationRepository;
import app.cadence.admin.domain.InvitationStatus;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.service.ActionLinkCheck;
import app.cadence.shared.ExpiredRecords;
import app.cadence.shared.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Invitation links for the rest of the system: the outbox shows one to the ADMIN only while it
 * is waiting to be accepted, and the retention purge deletes invitations that were accepted,
 * withdrawn or expired long enough ago (the security log keeps who invited whom).
 */
@Component
class InvitationLinks implements ActionLinkCheck, ExpiredRecords {

    private static final String PATH = "/invitation/";

    private final InvitationRepository invitations;
    private final Clock clock;

    InvitationLinks(InvitationRepository invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    public EmailKind kind() {
        return EmailKind.INVITATION;
    }

    @Override
    public boolean isUsable(String link) {
        int at = link.lastIndexOf(PATH);
        if (at < 0) {
            return false;
        }
        String token = link.substring(at + PATH.length());
        int query = token.indexOf('?');
        token = query < 0 ? token : token.substring(0, query);
        if (token.isBlank() || token.length() > 100) {
            return false;
        }
        return invitations.findByTokenHash(SecretTokens.hash(token))
                .filter(i -> i.status(clock.instant()) == InvitationStatus.PENDING)
                .isPresent();
    }

    @Override
    public String description() {
        return "accepted, withdrawn or expired invitations";
    }

    @Override
    public int deleteStoppedWorkingBefore(Instant cutoff) {
        return invitations.deleteStoppedWorkingBefore(cutoff);
    }
}
