package app.cadence.work.domain;

import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.PlanAnchor;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateSection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Computes when each item of a template version is due, from the instance's anchors in the
 * tenant's time zone. The rules (documented in docs/user-guide.md):
 * <ul>
 *   <li>Cutover step: due when it is planned to finish, T0 + offset + duration. Whole days of the
 *       offset are calendar days (the wall-clock time is kept across a daylight-saving change);
 *       hours and minutes are elapsed time, as a runbook clock counts them.</li>
 *   <li>Communication entry: not due either. It is a series: its dated occurrences, each with
 *       its own owner and status, are the work (the comms module); dated, ticking the entry
 *       closed the whole series (issue C9).</li>
 *   <li>Retrospective prompt: not due at all. A column or a rating question is a prompt for the
 *       session, not work anyone owes: dated, the prompts nobody "ticked" went overdue the day
 *       after the session and turned a healthy project red (issue C8).</li>
 * </ul>
 */
public final class InstancePlan {

    public static final LocalTime COMMUNICATION_DUE_TIME = LocalTime.of(17, 0);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private InstancePlan() {
    }

    /**
     * As {@link #plan(TemplateContent, Anchors, ZoneId)}; for a runbook that follows the working
     * calendar, a step a whole day or more from T0 whose day is not a working day moves, at the
     * same time of day, to the working day before (a step before T0) or after (a step after T0).
     * Steps within a day of T0 never move: the cutover window runs at the weekend on purpose.
     * The moved items say where they came from ({@link PlannedItem#movedFrom()}).
     */
    public static List<PlannedItem> plan(TemplateContent content, Anchors anchors, ZoneId zone, Predicate<LocalDate> workingDay) {
        List<PlannedItem> planned = plan(content, anchors, zone);
        if (content.kind() != app.cadence.template.domain.TemplateKind.CUTOVER || !content.followsWorkingCalendar()) {
            return planned;
        }
        List<PlannedItem> moved = new ArrayList<>(planned.size());
        for (PlannedItem p : planned) {
            if (p.due() == null || !(p.item() instanceof CutoverStep step) || Math.abs(step.offsetMinutes()) < MINUTES_A_DAY) {
                moved.add(p);
                continue;
            }
            ZonedDateTime due = p.due().atZone(zone);
            LocalDate day = due.toLocalDate();
            int direction = step.offsetMinutes() < 0 ? -1 : 1;
            for (int i = 0; i < LONGEST_BREAK_DAYS && !workingDay.test(day); i++) {
                day = day.plusDays(direction);
            }
            if (day.equals(due.toLocalDate())) {
                moved.add(p);
            } else {
                Instant newDue = resolve(day.atTime(due.toLocalTime()), zone, "at", "“" + step.title() + "”").toInstant();
                moved.add(new PlannedItem(p.sectionKey(), p.sectionTitle(), p.sectionRole(), p.sectionPosition(), p.position(), p.item(),
                        newDue, p.ownerRole(), p.criticalPath(), p.due()));
            }
        }
        return moved;
    }

    private static final int MINUTES_A_DAY = 24 * 60;
    private static final int LONGEST_BREAK_DAYS = 366;

    public static List<PlannedItem> plan(TemplateContent content, Anchors anchors, ZoneId zone) {
        check(content, anchors, zone);
        Set<UUID> critical = CriticalPath.of(content);
        List<PlannedItem> planned = new ArrayList<>();
        int sectionPosition = 0;
        for (TemplateSection section : content.sections()) {
            int position = 0;
            for (TemplateItem item : section.items()) {
                planned.add(new PlannedItem(section.key(), section.title(), section.role(), sectionPosition, position++, item,
                        due(item, anchors, zone), ownerRole(item), critical.contains(item.key())));
            }
            sectionPosition++;
        }
        return planned;
    }

    /**
     * A local date and time in the zone, refusing one that does not exist (the hour skipped when
     * clocks go forward); of a time that occurs twice, the earlier one.
     */
    public static ZonedDateTime resolve(LocalDateTime local, ZoneId zone, String field, String what) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new RuleViolationException(field, DAY_TIME.format(local) + " does not exist in " + zone.getId()
                    + ": the clocks go forward then. Choose another time for " + what + ".");
        }
        return ZonedDateTime.ofLocal(local, zone, null);
    }

    private static void check(TemplateContent content, Anchors anchors, ZoneId zone) {
        switch (content.kind()) {
            case CUTOVER -> {
                if (anchors.at() == null) {
                    throw new RuleViolationException("at", "Give T0, the date and time of the switch-over.");
                }
                resolve(anchors.at(), zone, "at", "T0");
            }
            case RETROSPECTIVE -> {
                if (anchors.at() == null) {
                    throw new RuleViolationException("at", "Give the date and time of the session.");
                }
                resolve(anchors.at(), zone, "at", "the session");
            }
            case COMMUNICATION_PLAN -> {
                if (anchors.start() == null) {
                    throw new RuleViolationException("start", "Give the date the plan starts.");
                }
                if (anchors.end() == null) {
                    throw new RuleViolationException("end", "Give the date the plan ends.");
                }
                if (anchors.end().isBefore(anchors.start())) {
                    throw new RuleViolationException("end", "The plan cannot end before it starts.");
                }
                boolean needsGoLive = content.items().anyMatch(i -> i instanceof CommunicationEntry e && e.anchor() == PlanAnchor.GO_LIVE);
                if (needsGoLive && anchors.goLive() == null) {
                    throw new RuleViolationException("goLive", "This plan has entries timed from go-live: give the go-live date.");
                }
            }
        }
    }

    private static @Nullable Instant due(TemplateItem item, Anchors anchors, ZoneId zone) {
        return switch (item) {
            case CutoverStep step -> cutoverDue(resolve(Objects.requireNonNull(anchors.at()), zone, "at", "T0"),
                    step.offsetMinutes(), step.durationMinutes()).toInstant();
            case RetroPrompt prompt -> null;
            case CommunicationEntry entry -> null;
        };
    }

    /** T0 + offset + duration: calendar days first, then elapsed minutes. */
    static ZonedDateTime cutoverDue(ZonedDateTime t0, int offsetMinutes, int durationMinutes) {
        return RelativeTime.at(t0, offsetMinutes).plusMinutes(durationMinutes);
    }

    private static @Nullable String ownerRole(TemplateItem item) {
        return switch (item) {
            case CutoverStep step -> step.ownerRole();
            case CommunicationEntry entry -> entry.ownerRole();
            case RetroPrompt prompt -> null;
        };
    }
}
