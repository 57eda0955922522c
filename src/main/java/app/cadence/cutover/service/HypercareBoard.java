package app.cadence.cutover.service;

import app.cadence.cutover.domain.CheckState;
import app.cadence.cutover.domain.StepState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A run's hypercare as its panel shows it: the recurring checks, their dated occurrences, and the
 * exit sign-off; what the reader may do with each is decided here, not by the panel.
 *
 * @param now the server's time when read: "today" and "overdue" are as of it, in the run's zone
 */
public record HypercareBoard(Long runId, ZoneId zone, Instant now, List<Check> checks, List<Occurrence> occurrences,
                             @Nullable Exit exit) {

    /**
     * A recurring check of the runbook.
     *
     * @param plannedFrom where its rule starts counting on the run's clock (its slot), until its
     *                    occurrences are expanded
     * @param expanded    its occurrences are dated (its step has been ready in this run)
     */
    public record Check(UUID stepKey, String title, String rule, @Nullable String ownerRole, StepState state, Instant plannedFrom,
                        boolean expanded, int done, int missed, int total) {
    }

    /**
     * @param overdue open past its due time by an hour, or by its step's duration when longer
     * @param mayTick the reader may tick it now (it is open, within its window, the step can be worked)
     * @param mayMiss the reader may mark it missed (it is open and due)
     */
    public record Occurrence(Long id, UUID stepKey, String title, int number, Instant dueAt, CheckState state,
                             @Nullable String recordedBy, @Nullable Instant recordedAt, @Nullable String note, boolean overdue,
                             boolean mayTick, boolean mayMiss) {

        /** Shown in red: missed, or overdue and still open. */
        public boolean alarming() {
            return state == CheckState.MISSED || overdue;
        }
    }

    /**
     * The exit milestone of the hypercare section.
     *
     * @param waitingFor the steps that must finish before it can be signed (recurring checks do not
     *                   count: signing the exit closes them)
     */
    public record Exit(UUID stepKey, String title, StepState state, @Nullable String signedBy, @Nullable Instant signedAt,
                       @Nullable String note, boolean maySign, List<String> waitingFor) {

        public boolean signed() {
            return state == StepState.DONE;
        }
    }

    /** The occurrences of one calendar day in the run's zone. */
    public record Day(LocalDate date, boolean today, List<Occurrence> occurrences) {
    }

    public HypercareBoard {
        checks = List.copyOf(checks);
        occurrences = List.copyOf(occurrences);
    }

    /** Nothing to show: the runbook has no recurring check and no hypercare exit. */
    public boolean isEmpty() {
        return checks.isEmpty() && exit == null;
    }

    /**
     * The occurrences by day: today first, then the days ahead in order, then the days gone, the
     * most recent first — what is due now, then what comes, then what was (and was missed).
     */
    public List<Day> days() {
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<LocalDate, List<Occurrence>> byDate = new TreeMap<>();
        for (Occurrence o : occurrences) {
            byDate.computeIfAbsent(o.dueAt().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(o);
        }
        List<Day> days = new ArrayList<>();
        byDate.forEach((date, list) -> {
            list.sort(Comparator.comparing(Occurrence::dueAt).thenComparing(Occurrence::title));
            days.add(new Day(date, date.equals(today), List.copyOf(list)));
        });
        days.sort(Comparator.comparingInt((Day d) -> d.date().equals(today) ? 0 : d.date().isAfter(today) ? 1 : 2)
                .thenComparing((a, b) -> a.date().isAfter(today) ? a.date().compareTo(b.date()) : b.date().compareTo(a.date())));
        return days;
    }
}
