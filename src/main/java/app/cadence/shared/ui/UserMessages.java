package app.cadence.shared.ui;

import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinSession;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** The one place that turns exceptions into sentences for users. */
public final class UserMessages {

    private static final Logger log = LoggerFactory.getLogger(UserMessages.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.UK);

    /** One place for every message, clear of the header and of the form's buttons. */
    private static final Notification.Position POSITION = Notification.Position.BOTTOM_END;

    private UserMessages() {
    }

    /** Remembers the organisation's time zone for this user's session (UTC until set). */
    public static void useZone(ZoneId zone) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(ZoneId.class, zone);
        }
    }

    /** A moment as messages show it, in the organisation's time zone. */
    public static String formatTime(java.time.Instant at) {
        return WHEN.format(at.atZone(zone()));
    }

    private static ZoneId zone() {
        VaadinSession session = VaadinSession.getCurrent();
        ZoneId zone = session == null ? null : session.getAttribute(ZoneId.class);
        return zone == null ? ZoneOffset.UTC : zone;
    }

    public static String describe(Throwable e) {
        return switch (e) {
            case ConcurrentChangeException c -> c.changedBy() + " saved this record at " + WHEN.format(c.changedAt().atZone(zone()))
                    + " while you were editing it. Your changes were not saved and are still in the form: "
                    + "copy what you need, reload to see their version, then apply your changes again.";
            case OptimisticLockingFailureException o -> "Someone else saved this record at the same moment. "
                    + "Your changes were not saved and are still in the form: reload, then apply them again.";
            case RecordNotFoundException n -> "This record no longer exists or is not available to you.";
            case RuleViolationException r -> r.getMessage();
            case AccessDeniedException a -> "You don't have permission to do that in this organisation.";
            default -> "Something went wrong and nothing was saved. Try again; if it keeps happening, tell your administrator.";
        };
    }

    public static void showError(Throwable e) {
        if (e instanceof AccessDeniedException) {
            // Expected when a role changed under an open page (a demoted admin's upload): no alert-worthy error.
            log.info("Refused to the user: {}", e.getMessage());
        } else if (!(e instanceof RuleViolationException || e instanceof ConcurrentChangeException
                || e instanceof OptimisticLockingFailureException || e instanceof RecordNotFoundException)) {
            log.error("Unexpected error shown to the user", e);
        }
        Notification n = Notification.show(describe(e), 10_000, POSITION);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void showSuccess(String message) {
        Notification n = Notification.show(message, 4_000, POSITION);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
