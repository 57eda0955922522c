package app.cadence.cutover.service;

import app.cadence.cutover.domain.ConditionState;
import app.cadence.cutover.domain.RunKind;
import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.domain.RunState;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.domain.Verdict;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Everything the run screen shows, read in one go: the run, its steps with their times, decisions, roster and log. */
public record RunScreen(Header header, List<StepRow> steps, List<DecisionView> decisions, List<RoleHolders> roster,
                        List<LogLine> log, You you) {

    /**
     * @param now           the server's time when read: the browser's clock ticks from it
     * @param t0            the T0 the clock counts from: actual once started, else planned
     * @param variance      forecast end − planned end; positive is late
     */
    public record Header(Long id, String name, RunKind kind, RunState state, Long instanceId, String instanceName, Long projectId,
                         String projectKey, String projectName, Instant plannedT0, @Nullable Instant actualT0, Instant t0,
                         Instant plannedStart, Instant plannedEnd, Instant forecastEnd, Duration variance, ZoneId zone,
                         Long leadUserId, String leadName, @Nullable String pauseReason, @Nullable RunOutcome outcome,
                         @Nullable String endNote, @Nullable Instant endedAt, @Nullable Rollback rollback, int stepsDone,
                         int stepsCounted, Instant now) {

        public boolean readOnly() {
            return state == RunState.ENDED;
        }
    }

    public record Rollback(String by, Instant at, String reason) {
    }

    /**
     * A step as the runbook table and the Now board show it.
     *
     * @param owners     the members holding the step's owner role in the roster
     * @param late       in progress past its planned finish, or not started past its planned start
     * @param mine       the reader holds the step's role
     * @param mayWork    the reader may start, finish, skip or fail it
     */
    public record StepRow(UUID key, int position, String sectionTitle, @Nullable SectionRole sectionRole, String title,
                          @Nullable String description, StepType type, @Nullable String ownerRole, List<String> owners,
                          StepState state, Instant plannedStart, Instant plannedFinish, @Nullable Instant forecastStart,
                          @Nullable Instant forecastFinish, @Nullable Instant actualStart, @Nullable Instant actualFinish,
                          @Nullable String startedBy, @Nullable String finishedBy, @Nullable Duration variance, boolean critical,
                          boolean late, boolean evidenceRequired, @Nullable String evidence, @Nullable String reason,
                          @Nullable String rollbackTrigger, @Nullable String rollbackInstructions, List<String> waitingFor,
                          int durationMinutes, boolean mine, boolean mayWork) {

        public boolean rollback() {
            return sectionRole == SectionRole.ROLLBACK;
        }
    }

    /**
     * A go/no-go decision: its approvers and their votes (each null until cast), the outcome once
     * taken, and the conditions it set when taken as Go with conditions.
     */
    public record DecisionView(UUID stepKey, String title, List<Approval> approvals, @Nullable Verdict outcome, @Nullable Instant takenAt,
                               @Nullable String overruledBy, @Nullable String overruleReason, boolean iMayVote, List<Condition> conditions) {

        public DecisionView {
            approvals = List.copyOf(approvals);
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * A condition set with a GO WITH CONDITIONS vote, and how far it was followed up.
     *
     * @param approverId the approver who set it: with the decision's step, what names it
     * @param changedBy  who marked it met, or reopened it; null while it is as the vote set it
     * @param note       the note given when marked met, or the reason it was reopened
     * @param mayChange  the reader may mark it met or reopen it
     */
    public record Condition(Long approverId, String approver, String text, Instant setAt, ConditionState state,
                            @Nullable String changedBy, @Nullable Instant changedAt, @Nullable String note, boolean mayChange) {

        public boolean met() {
            return state == ConditionState.MET;
        }
    }

    public record Approval(Long userId, String name, @Nullable Verdict verdict, @Nullable String comment, @Nullable Instant at) {
    }

    public record RoleHolders(String role, List<Long> userIds, List<String> names) {
    }

    public record LogLine(Instant at, String by, String what, @Nullable String reason, boolean override) {
    }

    /** The conditions of the run's decisions not yet met. */
    public int openConditions() {
        return (int) decisions.stream().flatMap(d -> d.conditions().stream()).filter(c -> !c.met()).count();
    }

    /** What the reader may do in this run. */
    public record You(Long userId, boolean mayRun, boolean leads) {
    }
}
