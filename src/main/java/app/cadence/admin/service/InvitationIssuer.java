package app.cadence.admin.service;

import app.cadence.admin.domain.Invitation;
import app.cadence.admin.domain.InvitationRepository;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.service.Email;
import app.cadence.shared.PublicLinks;
import app.cadence.shared.SecretTokens;
import app.cadence.tenancy.domain.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issues an invitation: replaces the address's open one, stores the new one with the hashes of
 * its token and code, and writes the email. Who may invite is the caller's business (a tenant's
 * ADMIN, or an operator inviting a new organisation's first ADMIN).
 *
 * <p>Two secrets, because the ADMIN can see the link (in the outbox, to pass it on when no mail
 * server is configured) and the email's recipient must prove they read the email: the link's
 * token lets an existing account join after signing in; creating a new account also needs the
 * code, which is only in the email (the email's link carries it, pre-filled).
 */
@Component
class InvitationIssuer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final InvitationRepository invitations;
    private final PublicLinks links;
    private final Clock clock;
    private final Duration validity;

    InvitationIssuer(InvitationRepository invitations, PublicLinks links, Clock clock,
                     @Value("${cadence.invitations.valid-for:P7D}") Duration validity) {
        this.invitations = invitations;
        this.links = links;
        this.clock = clock;
        this.validity = validity;
    }

    record Issued(Invitation invitation, Email email) {
    }

    Issued issue(Long tenantId, String organisation, String address, Role role, String inviterEmail, String inviterName) {
        Instant now = clock.instant();
        invitations.findOpen(tenantId, address.strip().toLowerCase(Locale.ROOT)).forEach(open -> open.revoke(now));
        String token = SecretTokens.newToken();
        String code = InvitationCode.newCode();
        Invitation invitation = invitations.save(new Invitation(tenantId, address, role, SecretTokens.hash(token),
                InvitationCode.hash(code), now.plus(validity), inviterEmail, now));
        String link = links.to("invitation/" + token);
        String emailedLink = link + "?code=" + code;
        String expires = DAY.format(invitation.getExpiresAt().atZone(ZoneOffset.UTC));
        Email email = new Email(EmailKind.INVITATION, invitation.getEmail(), "You are invited to " + organisation + " on Cadence",
                inviterName + " (" + inviterEmail + ") invites you to join " + organisation + " on Cadence as " + role.label()
                        + ".\n\nOpen this link to accept:\n" + emailedLink + "\n\nIf the page asks for a code, it is " + code
                        + ": it proves that this address is yours.\n\nThe link works once, until " + expires
                        + " UTC. If you did not expect this invitation, ignore this email.\n", link, invitation.getExpiresAt());
        return new Issued(invitation, email);
    }
}
