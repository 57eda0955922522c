package app.cadence.notify.service;

import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.service.Email;
import app.cadence.mail.service.Outbox;
import app.cadence.shared.PublicLinks;
import app.cadence.tenancy.service.MemberSummary;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The email that goes with a notice: plain text, through the outbox in the sender's transaction
 * (the outbox seals its text at rest). It names the organisation, since a consultant belongs to
 * several, and links to the notice's page at the configured address. A notice is news: one that
 * could not be sent within {@code cadence.notifications.email-valid-for} (no mail server for a
 * day) is dropped rather than delivered stale; the in-app notice stays.
 */
@Component
class NotificationEmails {

    /** The outbox refuses longer subjects; a long organisation name plus a long title can reach it. */
    static final int SUBJECT_MAX = 300;

    private final Outbox outbox;
    private final PublicLinks links;
    private final Clock clock;
    private final Duration validFor;

    NotificationEmails(Outbox outbox, PublicLinks links, Clock clock,
                       @Value("${cadence.notifications.email-valid-for:P1D}") Duration validFor) {
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.validFor = validFor;
    }

    void queue(MemberSummary recipient, NotificationRequest request, String organisation) {
        String link = links.to(request.link() == null ? "notifications" : request.link());
        StringBuilder text = new StringBuilder(request.title()).append("\n\n");
        if (request.body() != null) {
            text.append(request.body()).append("\n\n");
        }
        text.append("Open it in Cadence:\n").append(link).append("\n\n")
                .append("You receive this as a member of ").append(organisation).append(" on Cadence.\n");
        outbox.enqueue(new Email(EmailKind.NOTIFICATION, recipient.email(), subject(organisation, request.title()), text.toString(),
                link, clock.instant().plus(validFor)));
    }

    /** "[Acme Corp] “Load data” is ready", cut to the outbox's limit. */
    static String subject(String organisation, String title) {
        String subject = "[" + organisation + "] " + title;
        return subject.length() <= SUBJECT_MAX ? subject : subject.substring(0, SUBJECT_MAX - 1) + "…";
    }
}
