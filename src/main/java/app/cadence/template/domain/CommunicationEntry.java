package app.cadence.template.domain;

import java.util.LinkedHashMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * One line of a communication plan: who hears what, through which channel, how often. Its first
 * date is the anchor's date plus the offset; the {@link EntryTiming} says when, exactly, each
 * occurrence falls from then until the plan ends. {@code audience} is who the template means, in
 * words: a project picks its real distribution lists and stakeholders when it applies the plan.
 *
 * @param message        the message each occurrence is drafted from; none: the owner writes it
 * @param sendsStatusReport each occurrence sends the project's latest published status report
 */
@NamedInterface("api")
public record CommunicationEntry(UUID key, String title, String audience, @Nullable String purpose,
                                 @Nullable String artefact, @Nullable String channel, Cadence cadence,
                                 @Nullable String ownerRole, PlanAnchor anchor, int offsetDays, EntryTiming timing,
                                 @Nullable MessageTemplate message, boolean sendsStatusReport) implements TemplateItem {

    /** An entry timed by its cadence alone (09:00, on its first date's weekday or day of the month). */
    public CommunicationEntry(UUID key, String title, String audience, @Nullable String purpose, @Nullable String artefact,
                              @Nullable String channel, Cadence cadence, @Nullable String ownerRole, PlanAnchor anchor, int offsetDays) {
        this(key, title, audience, purpose, artefact, channel, cadence, ownerRole, anchor, offsetDays, EntryTiming.DEFAULT, null, false);
    }

    /** The same entry with another timing. */
    public CommunicationEntry timed(EntryTiming newTiming) {
        return new CommunicationEntry(key, title, audience, purpose, artefact, channel, cadence, ownerRole, anchor, offsetDays, newTiming,
                message, sendsStatusReport);
    }

    /** The same entry drafting its occurrences from a message, and sending the status report or not. */
    public CommunicationEntry sending(@Nullable MessageTemplate newMessage, boolean statusReport) {
        return new CommunicationEntry(key, title, audience, purpose, artefact, channel, cadence, ownerRole, anchor, offsetDays, timing,
                newMessage, statusReport);
    }

    @Override
    public LinkedHashMap<String, String> fields() {
        LinkedHashMap<String, String> f = new LinkedHashMap<>();
        f.put("Title", title);
        f.put("Audience", audience);
        f.put("Purpose", CutoverStep.text(purpose));
        f.put("Artefact", CutoverStep.text(artefact));
        f.put("Channel", CutoverStep.text(channel));
        f.put("Cadence", cadence.label());
        f.put("Owner role", CutoverStep.text(ownerRole));
        f.put("Anchor", anchor.label());
        f.put("Offset (days)", String.valueOf(offsetDays));
        f.put("Timing", timing.describe(cadence));
        f.put("On a day off", timing.onDayOff().label());
        f.put("Message subject", message == null ? "" : message.subject());
        f.put("Message", message == null ? "" : message.body());
        f.put("Sends the status report", sendsStatusReport ? "Yes" : "No");
        return f;
    }
}
