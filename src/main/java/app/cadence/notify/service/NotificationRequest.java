package app.cadence.notify.service;

import app.cadence.notify.domain.InAppLink;
import app.cadence.notify.domain.Notification;
import app.cadence.notify.domain.NotificationKind;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A notice to send to one or more members of the current tenant, e.g.
 * {@code NotificationRequest.to(ownerId, STEP_LATE, "“Load data” is 20 minutes late").withLink("/runs/5?step=7")
 * .withDedupeKey("run:5:step:7:late")}.
 *
 * <p>Title and body usually quote what people typed (a step's name), so they are tidied rather than
 * refused: control characters become spaces (the body keeps its line breaks) and text beyond the
 * limit is cut with "…". A bad link or key is the caller's bug and is refused.
 *
 * @param dedupeKey the same key for the same recipient in the same tenant is sent once, ever
 *                  (e.g. "step 7 of run 5 is late"); none: every request is a new notice
 */
@NamedInterface("api")
public record NotificationRequest(Set<Long> recipients, NotificationKind kind, String title, @Nullable String body,
                                  @Nullable String link, @Nullable String dedupeKey) {

    public NotificationRequest {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("A notification needs at least one recipient");
        }
        recipients = Set.copyOf(new LinkedHashSet<>(recipients));
        title = tidy(title, Notification.TITLE_MAX, false);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("A notification needs a title");
        }
        body = body == null ? null : tidy(body, Notification.BODY_MAX, true);
        body = body == null || body.isEmpty() ? null : body;
        if (link != null) {
            String problem = InAppLink.problem(link).orElse(null);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        if (dedupeKey != null && (dedupeKey.isBlank() || dedupeKey.length() > Notification.DEDUPE_KEY_MAX
                || dedupeKey.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("A dedupe key needs 1 to " + Notification.DEDUPE_KEY_MAX + " characters on one line");
        }
    }

    public static NotificationRequest to(Long recipient, NotificationKind kind, String title) {
        return new NotificationRequest(Set.of(recipient), kind, title, null, null, null);
    }

    public static NotificationRequest to(Collection<Long> recipients, NotificationKind kind, String title) {
        return new NotificationRequest(Set.copyOf(recipients), kind, title, null, null, null);
    }

    public NotificationRequest withBody(@Nullable String text) {
        return new NotificationRequest(recipients, kind, title, text, link, dedupeKey);
    }

    /** An in-app route path starting with "/", e.g. {@code /instances/42?item=7}. */
    public NotificationRequest withLink(@Nullable String path) {
        return new NotificationRequest(recipients, kind, title, body, path, dedupeKey);
    }

    public NotificationRequest withDedupeKey(@Nullable String key) {
        return new NotificationRequest(recipients, kind, title, body, link, key);
    }

    private static String tidy(String text, int max, boolean keepLineBreaks) {
        StringBuilder tidied = new StringBuilder(text.length());
        text.strip().codePoints().forEach(c -> tidied.appendCodePoint(
                keepLineBreaks && c == '\n' ? c : Character.isISOControl(c) ? ' ' : c));
        String result = tidied.toString().strip();
        if (result.length() <= max) {
            return result;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(result.charAt(cut - 1))) {
            cut--; // never split a character in two
        }
        return result.substring(0, cut) + "…";
    }
}
