package app.cadence.reporting.service;

import app.cadence.project.domain.Health;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A project's status as its data says it now: what a status report and a drafted message quote.
 * Names are as people typed them (not escaped); {@link ProjectFacts#placeholderValues} escapes them
 * for Markdown.
 *
 * @param healthReason why the project has that health; for a hand-set health, the reason given
 * @param overdue      the most overdue items first, at most {@link ProjectFacts#TOP_OVERDUE}
 * @param overdueCount every overdue item, also those not listed
 * @param trend        the health of each published report, oldest first, then today's
 */
@NamedInterface("api")
public record ProjectStatus(Long projectId, String name, String code, @Nullable String managerName, @Nullable LocalDate goLive,
                            LocalDate today, Health health, String healthReason, boolean healthSetByHand, List<Milestone> milestones,
                            List<Item> blocked, List<Item> overdue, long overdueCount, List<Runbook> runbooks,
                            List<Retrospective> retrospectives, List<Action> openActions, List<Decision> openDecisions,
                            List<HealthPoint> trend) {

    public ProjectStatus {
        milestones = List.copyOf(milestones);
        blocked = List.copyOf(blocked);
        overdue = List.copyOf(overdue);
        runbooks = List.copyOf(runbooks);
        retrospectives = List.copyOf(retrospectives);
        openActions = List.copyOf(openActions);
        openDecisions = List.copyOf(openDecisions);
        trend = List.copyOf(trend);
    }

    /** A key date of the project or a milestone step of an applied template. */
    public record Milestone(String name, LocalDate date) {
    }

    /**
     * An item needing attention.
     *
     * @param where  the applied template's name and its template, e.g. "Go-live runbook (Cutover runbook)"
     * @param owner  the assignee's name, null when nobody is assigned
     * @param reason why it is blocked (blocked items)
     */
    public record Item(String title, String where, @Nullable String owner, @Nullable LocalDate due, long daysOverdue,
                       @Nullable String reason) {
    }

    /**
     * A cutover runbook: its steps done of those that count, from its latest run when it has one.
     *
     * @param run      the run reported on ("Rehearsal 1 · Running"), null when none was scheduled
     */
    public record Runbook(String name, long done, long total, @Nullable String run) {
    }

    public record Retrospective(String name, @Nullable LocalDate heldOn, String phase) {
    }

    public record Action(String title, String owner, @Nullable LocalDate dueOn, boolean overdue) {
    }

    /** A go/no-go decision still awaited, or a condition of a Go-with-conditions decision not yet met. */
    public record Decision(String runbook, String title, String state) {
    }

    /** @param source "Published report" or "Today" */
    public record HealthPoint(LocalDate date, Health health, String source) {
    }
}
