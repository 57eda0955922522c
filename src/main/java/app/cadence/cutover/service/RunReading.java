package app.cadence.cutover.service;

import app.cadence.cutover.domain.DecisionCondition;
import app.cadence.cutover.domain.GoNoGoDecision;
import app.cadence.cutover.domain.RunForecast;
import app.cadence.cutover.domain.RunKind;
import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.domain.RunState;
import app.cadence.cutover.domain.RunbookStep;
import app.cadence.cutover.domain.StepProgress;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.domain.StepTimes;
import app.cadence.cutover.domain.StoredCondition;
import app.cadence.cutover.domain.StoredDecision;
import app.cadence.cutover.domain.StoredDecisionRepository;
import app.cadence.cutover.domain.StoredLogEntry;
import app.cadence.cutover.domain.StoredLogEntryRepository;
import app.cadence.cutover.domain.StoredRun;
import app.cadence.cutover.domain.StoredRunRepository;
import app.cadence.cutover.domain.StoredStepRepository;
import app.cadence.cutover.domain.StoredVote;
import app.cadence.cutover.domain.CutoverRun;
import app.cadence.cutover.domain.RollbackInvocation;
import app.cadence.cutover.domain.Actor;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.service.InstanceHeaders;
import app.cadence.work.service.InstanceHeaders.InstanceHeader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading runs: an instance's list of runs, and one run as its screen shows it with the forecast computed now. */
@Service
@NamedInterface("api")
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class RunReading {

    /** Log lines a screen shows: the latest; the report reads them all. */
    public static final int LOG_SHOWN = 200;

    /** A run in an instance's list of runs. */
    public record RunSummary(Long id, String name, RunKind kind, RunState state, Instant plannedT0, @Nullable Instant actualT0,
                             @Nullable RunOutcome outcome, @Nullable Instant endedAt) {
    }

    private final RunStore store;
    private final StoredRunRepository runs;
    private final StoredStepRepository stepRows;
    private final StoredLogEntryRepository log;
    private final StoredDecisionRepository decisions;
    private final MembershipDirectory members;
    private final InstanceHeaders instances;
    private final RunSnapshots snapshots;

    RunReading(RunStore store, StoredRunRepository runs, StoredStepRepository stepRows, StoredLogEntryRepository log,
               StoredDecisionRepository decisions, MembershipDirectory members, InstanceHeaders instances, RunSnapshots snapshots) {
        this.snapshots = snapshots;
        this.store = store;
        this.runs = runs;
        this.stepRows = stepRows;
        this.log = log;
        this.decisions = decisions;
        this.members = members;
        this.instances = instances;
    }

    public List<RunSummary> runsOf(Long instanceId) {
        return runs.findByInstance(TenantContext.requireTenantId(), instanceId).stream().map(r -> {
            CutoverRun run = r.run();
            return new RunSummary(r.getId(), run.name(), run.kind(), run.state(), run.plannedT0(), run.actualT0(), run.outcome(), run.endedAt());
        }).toList();
    }

    /** A run under way or coming soon; {@code mine}: the signed-in person leads it or holds a role in it. */
    public record ComingRun(Long runId, String name, RunKind kind, RunState state, Instant plannedT0, Long projectId, boolean mine) {
    }

    /** The organisation's runs under way, and those planned to reach T0 in [from, to), soonest first. */
    public List<ComingRun> comingRuns(Instant from, Instant to) {
        return runs.findComing(TenantContext.requireTenantId(), RunStore.me().accountId(), from, to).stream().map(row -> {
            StoredRun stored = (StoredRun) row[0];
            CutoverRun run = stored.run();
            return new ComingRun(stored.getId(), run.name(), run.kind(), run.state(), run.plannedT0(), stored.getProjectId(),
                    Boolean.TRUE.equals(row[1]));
        }).toList();
    }

    /** A step of a running run that waits for the signed-in person: ready to start, or under way. */
    public record MyRunStep(Long runId, String runName, Long instanceId, String instanceName, UUID stepKey, String title,
                            String ownerRole, StepState state, Instant plannedStart) {
    }

    /**
     * The steps of running or paused runs that are ready or in progress and belong to a role the
     * signed-in person holds in that run's roster, soonest planned first: for My work.
     */
    public List<MyRunStep> myRunSteps() {
        Long tenantId = TenantContext.requireTenantId();
        Long me = RunStore.me().accountId();
        List<MyRunStep> mine = new ArrayList<>();
        for (StoredRun run : runs.findWhereHolding(tenantId, me)) {
            CutoverRun life = run.run();
            if (life.state() != RunState.RUNNING && life.state() != RunState.PAUSED) {
                continue;
            }
            RunStore.LoadedRun loaded = store.read(run.getId());
            RunForecast forecast = RunForecast.of(loaded.steps(), life.t0(run.zone()), store.now());
            String instanceName = null;
            for (StepProgress progress : loaded.steps().all()) {
                if (progress.state() != StepState.READY && progress.state() != StepState.IN_PROGRESS) {
                    continue;
                }
                String role = loaded.plan().ownerRole(progress.key());
                if (role == null || !loaded.holders(role).contains(me)) {
                    continue;
                }
                if (instanceName == null) {
                    instanceName = instances.header(run.getInstanceId()).name();
                }
                mine.add(new MyRunStep(run.getId(), life.name(), run.getInstanceId(), instanceName, progress.key(),
                        loaded.plan().step(progress.key()).step().title(), role, progress.state(), forecast.step(progress.key()).plannedStart()));
            }
        }
        mine.sort(java.util.Comparator.comparing(MyRunStep::plannedStart));
        return mine;
    }

    /** Whether the reader may schedule runs of this instance (a project manager). */
    public boolean mayScheduleRuns() {
        return RunAccess.myRole().managesProjects();
    }

    /**
     * The members who can hold a role, approve a go/no-go or lead a run: the organisation's active
     * members except viewers, by name. For the run screen's pickers (views read members through this service).
     */
    public List<MemberSummary> rosterCandidates() {
        return members.activeMembers().stream().filter(m -> m.role() != app.cadence.tenancy.domain.Role.VIEWER)
                .sorted(java.util.Comparator.comparing(MemberSummary::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public RunScreen screen(Long runId) {
        return screen(runId, LOG_SHOWN);
    }

    /** The run with {@code logLines} of its log, newest first (the report asks for all of them). */
    public RunScreen screen(Long runId, int logLines) {
        Long tenantId = TenantContext.requireTenantId();
        StoredRun stored = store.find(runId);
        RunSnapshots.Snapshot shared = logLines == LOG_SHOWN
                ? snapshots.shared(tenantId, runId, stored.getVersion(), () -> read(tenantId, stored, logLines))
                : read(tenantId, stored, logLines);
        RunStore.LoadedRun run = new RunStore.LoadedRun(stored, shared.plan(), shared.rows(), shared.steps(), shared.roster());
        CutoverRun life = stored.run();
        InstanceHeader instance = shared.instance();
        Map<Long, String> names = shared.names();
        Instant now = store.now();
        Instant asOf = life.endedAt() != null ? life.endedAt() : now;
        RunForecast forecast = RunForecast.of(run.steps(), life.t0(stored.zone()), life.endedAt() != null ? asOf : toTheMinute(now));
        Long me = RunStore.me().accountId();
        boolean mayRun = RunAccess.mayRun(stored) && !life.isReadOnly();

        List<RunScreen.StepRow> rows = new ArrayList<>();
        int done = 0;
        int counted = 0;
        for (RunPlan.StepInfo info : run.plan().steps().values()) {
            StepProgress progress = run.steps().progress(info.key());
            StepTimes times = forecast.step(info.key());
            RunbookStep step = run.plan().runbook().step(info.key());
            String role = run.plan().ownerRole(info.key());
            List<Long> holders = role == null ? List.of() : run.holders(role);
            boolean counts = !step.rollback() || run.steps().rollbackInvoked();
            if (counts && progress.state() != StepState.ABANDONED) {
                counted++;
                if (progress.state().letsSuccessorsStart()) {
                    done++;
                }
            }
            boolean late = times.scheduled() && (progress.state() == StepState.IN_PROGRESS && asOf.isAfter(times.plannedFinish())
                    || progress.state().isOpen() && asOf.isAfter(times.plannedStart()));
            rows.add(new RunScreen.StepRow(info.key(), info.position(), info.sectionTitle(), info.sectionRole(), info.step().title(),
                    info.step().description(), info.step().type(), role, holders.stream().map(id -> names.getOrDefault(id, "Former member")).toList(),
                    progress.state(), times.plannedStart(), times.plannedFinish(), times.forecastStart(), times.forecastFinish(),
                    progress.startedAt(), progress.finishedAt(), progress.startedBy() == null ? null : progress.startedBy().name(),
                    progress.finishedBy() == null ? null : progress.finishedBy().name(), times.variance(), times.critical(), late,
                    step.evidenceRequired(), progress.evidence(), progress.reason(), info.step().rollbackTrigger(),
                    info.step().rollbackInstructions(),
                    progress.state() == StepState.WAITING ? run.steps().openPredecessors(info.key()).stream().map(RunbookStep::title).toList() : List.of(),
                    info.step().durationMinutes(), holders.contains(me), !life.isReadOnly() && RunAccess.mayWork(run, info.key())));
        }

        RollbackInvocation rollback = run.steps().rollback();
        RunScreen.Header header = new RunScreen.Header(run.id(), life.name(), life.kind(), life.state(), instance.id(), instance.name(),
                instance.projectId(), instance.projectKey(), instance.projectName(), life.plannedT0(), life.actualT0(),
                life.actualT0() != null ? life.actualT0() : life.plannedT0(), life.plannedStart(), forecast.plannedEnd(),
                forecast.forecastEnd(), forecast.variance(), stored.zone(), stored.getLeadUserId(),
                names.getOrDefault(stored.getLeadUserId(), "Former member"), life.pauseReason(), life.outcome(), life.endNote(),
                life.endedAt(), rollback == null ? null : new RunScreen.Rollback(rollback.by().name(), rollback.at(), rollback.reason()),
                done, counted, now);

        return new RunScreen(header, rows, decisions(shared, run, names, me), roster(run, names), shared.log(),
                new RunScreen.You(me, mayRun, RunAccess.leads(stored)));
    }

    /** Everything the screen shows of a run besides its row, read in one go (seven statements). */
    private RunSnapshots.Snapshot read(Long tenantId, StoredRun stored, int logLines) {
        long readAt = snapshots.now();
        RunStore.LoadedRun run = store.load(stored);
        InstanceHeader instance = instances.header(stored.getInstanceId());
        Map<Long, String> names = members.activeMembers().stream().collect(Collectors.toMap(MemberSummary::userId, MemberSummary::displayName));
        List<StoredDecision> decided = decisions.findByRun(tenantId, run.id());
        Map<Long, List<StoredVote>> votesByDecision = new HashMap<>();
        Map<Long, List<StoredCondition>> followedUp = new HashMap<>();
        if (!decided.isEmpty()) {
            for (Object[] row : decisions.votesWithConditionsOf(tenantId, decided.stream().map(StoredDecision::getId).toList())) {
                StoredVote vote = (StoredVote) row[0];
                votesByDecision.computeIfAbsent(vote.getDecisionId(), k -> new ArrayList<>()).add(vote);
                if (row[1] instanceof StoredCondition condition) {
                    followedUp.computeIfAbsent(condition.getDecisionId(), k -> new ArrayList<>()).add(condition);
                }
            }
        }
        return new RunSnapshots.Snapshot(stored.getVersion(), readAt, run.plan(), Map.copyOf(run.rows()), run.steps(), List.copyOf(run.roster()),
                instance, Map.copyOf(names), List.copyOf(decided), Map.copyOf(votesByDecision), Map.copyOf(followedUp),
                logLines(tenantId, run.id(), logLines));
    }

    /**
     * The forecast is made from the next whole minute: screens show minutes, and a forecast that
     * moved by the second would make every open screen redraw every late step on every refresh
     * for a change nobody can see.
     */
    static Instant toTheMinute(Instant now) {
        Instant down = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return down.equals(now) ? now : down.plus(java.time.Duration.ofMinutes(1));
    }

    private List<RunScreen.DecisionView> decisions(RunSnapshots.Snapshot shared, RunStore.LoadedRun run, Map<Long, String> names, Long me) {
        List<StoredDecision> stored = shared.decisions();
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<Long, List<StoredVote>> votesByDecision = shared.votes();
        Map<Long, List<StoredCondition>> followedUp = shared.conditions();
        Actor lead = new Actor(run.stored().getLeadUserId(), names.getOrDefault(run.stored().getLeadUserId(), "the run lead"));
        List<Opened> opened = new ArrayList<>();
        for (StoredDecision d : stored) {
            List<StoredVote> rows = votesByDecision.getOrDefault(d.getId(), List.of());
            if (!rows.isEmpty()) {
                opened.add(new Opened(d, d.decision(lead, rows)));
            }
        }
        List<RunScreen.DecisionView> views = new ArrayList<>();
        for (Opened o : opened) {
            StoredDecision d = o.stored();
            GoNoGoDecision decision = o.decision();
            List<StoredVote> rows = votesByDecision.getOrDefault(d.getId(), List.of());
            List<RunScreen.Approval> approvals = rows.stream().map(r -> {
                var vote = r.vote();
                return new RunScreen.Approval(r.approver().accountId(), r.approver().name(), vote == null ? null : vote.verdict(),
                        vote == null ? null : vote.comment(), vote == null ? null : vote.at());
            }).toList();
            boolean iMayVote = !decision.isTaken() && !run.stored().run().isReadOnly()
                    && rows.stream().anyMatch(r -> r.approver().accountId() == me)
                    && run.steps().state(d.getStepKey()) != StepState.WAITING;
            views.add(new RunScreen.DecisionView(d.getStepKey(), decision.title(), approvals, decision.outcome(), decision.takenAt(),
                    decision.overrule() == null ? null : decision.overrule().by().name(),
                    decision.overrule() == null ? null : decision.overrule().reason(), iMayVote,
                    conditions(run, decision, followedUp.getOrDefault(d.getId(), List.of()))));
        }
        return views;
    }

    /** A decision with approvers named, as stored and as the domain sees it. */
    private record Opened(StoredDecision stored, GoNoGoDecision decision) {
    }

    /** A decision's conditions as last recorded in {@code rows}, and whether the reader may change each. */
    private static List<RunScreen.Condition> conditions(RunStore.LoadedRun run, GoNoGoDecision decision, List<StoredCondition> rows) {
        List<DecisionCondition> set = DecisionCondition.of(decision);
        if (set.isEmpty()) {
            return List.of();
        }
        Actor me = RunStore.me();
        boolean mayChange = !run.stored().run().isReadOnly() && RunAccess.myRole() != Role.VIEWER;
        boolean mayRun = RunAccess.mayRun(run.stored());
        return set.stream()
                .map(c -> rows.stream().filter(r -> r.getApproverId() == c.approver().accountId()).findFirst().map(r -> r.applyTo(c)).orElse(c))
                .map(c -> new RunScreen.Condition(c.approver().accountId(), c.approver().name(), c.text(), c.setAt(), c.state(),
                        c.changedBy() == null ? null : c.changedBy().name(), c.changedAt(), c.note(), mayChange && c.mayBeChangedBy(me, mayRun)))
                .toList();
    }

    private static List<RunScreen.RoleHolders> roster(RunStore.LoadedRun run, Map<Long, String> names) {
        return run.plan().ownerRoles().stream().map(role -> {
            List<Long> ids = run.holders(role);
            return new RunScreen.RoleHolders(role, ids, ids.stream().map(id -> names.getOrDefault(id, "Former member")).toList());
        }).toList();
    }

    private List<RunScreen.LogLine> logLines(Long tenantId, Long runId, int lines) {
        return log.findLatest(tenantId, runId, PageRequest.of(0, Math.max(1, lines))).stream().map(StoredLogEntry::entry)
                .map(e -> new RunScreen.LogLine(e.at(), e.by().name(), e.what(), e.reason(), e.override())).toList();
    }
}
