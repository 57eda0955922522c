package app.cadence.cutover.service;

import app.cadence.cutover.domain.CutoverRuleException;
import app.cadence.cutover.domain.CutoverRun;
import app.cadence.cutover.domain.Logged;
import app.cadence.cutover.domain.RosterAssignment;
import app.cadence.cutover.domain.RosterAssignmentRepository;
import app.cadence.cutover.domain.RunKind;
import app.cadence.cutover.domain.RunLogEntry;
import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.StoredRun;
import app.cadence.cutover.domain.StoredRunRepository;
import app.cadence.cutover.events.RunChanged;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.service.InstanceHeaders;
import app.cadence.work.service.InstanceHeaders.InstanceHeader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cutover instance's runs through their life: scheduling rehearsals and the go-live, starting,
 * pausing, resuming, ending, invoking rollback, handing over the lead, and the roster that says
 * who holds each owner role of the runbook in the run.
 */
@Service
@NamedInterface("api")
@Transactional
@RolesAllowed(RoleSets.MEMBERS)
public class CutoverRuns {

    private final RunStore store;
    private final StoredRunRepository runs;
    private final RosterAssignmentRepository roster;
    private final InstanceHeaders instances;
    private final MembershipDirectory members;
    private final GoNoGoVoting voting;
    private final HypercareSchedule hypercare;

    CutoverRuns(RunStore store, StoredRunRepository runs, RosterAssignmentRepository roster, InstanceHeaders instances,
                MembershipDirectory members, GoNoGoVoting voting, HypercareSchedule hypercare) {
        this.store = store;
        this.runs = runs;
        this.roster = roster;
        this.instances = instances;
        this.members = members;
        this.voting = voting;
        this.hypercare = hypercare;
    }

    /** Schedules the next dress rehearsal of a cutover instance, its planned T0 the instance's unless given. Returns its id. */
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public Long scheduleRehearsal(Long instanceId, @Nullable Instant plannedT0) {
        InstanceHeader instance = cutoverInstance(instanceId);
        int next = runs.findByInstance(TenantContext.requireTenantId(), instanceId).stream()
                .filter(r -> r.getKind() == RunKind.REHEARSAL).mapToInt(StoredRun::getRunNumber).max().orElse(0) + 1;
        return create(instance, t0 -> CutoverRun.rehearsal(next, t0, store.leadTimeOf(instance.templateVersionId())), plannedT0);
    }

    /** Schedules the go-live run: one per instance. Returns its id. */
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public Long scheduleLiveRun(Long instanceId, @Nullable Instant plannedT0) {
        InstanceHeader instance = cutoverInstance(instanceId);
        if (runs.findByInstance(TenantContext.requireTenantId(), instanceId).stream().anyMatch(r -> r.getKind() == RunKind.LIVE)) {
            throw new RuleViolationException(null, "“" + instance.name() + "” already has its go-live run. Rehearse as often as you like; go live once.");
        }
        return create(instance, t0 -> CutoverRun.live(t0, store.leadTimeOf(instance.templateVersionId())), plannedT0);
    }

    private Long create(InstanceHeader instance, Function<Instant, CutoverRun> kind, @Nullable Instant plannedT0) {
        Instant t0 = plannedT0 != null ? plannedT0 : instance.anchorAt();
        if (t0 == null) {
            throw new RuleViolationException("plannedT0", "Give the run a planned T0: the runbook has none yet.");
        }
        CutoverRun run = kind.apply(t0);
        Instant now = store.now();
        StoredRun stored = runs.saveAndFlush(new StoredRun(instance.id(), instance.projectId(), instance.templateVersionId(), instance.zone(),
                run, RunStore.me().accountId(), now, TenantContext.currentUserName()));
        Long runId = Objects.requireNonNull(stored.getId());
        store.createSteps(runId, RunSteps.fresh(store.plan(stored).runbook()));
        store.log(runId, List.of(new RunLogEntry(now, RunStore.me(), run.name() + " scheduled", null, null, false)));
        store.announce(stored, "RUN_SCHEDULED", List.of(), List.of());
        return runId;
    }

    private InstanceHeader cutoverInstance(Long instanceId) {
        InstanceHeader instance = instances.header(instanceId);
        if (instance.kind() != TemplateKind.CUTOVER) {
            throw new RuleViolationException(null, "Only a cutover runbook has runs; “" + instance.name() + "” is a "
                    + instance.kind().label().toLowerCase() + ".");
        }
        return instance;
    }

    /**
     * Records changes to a run at the time they happened rather than now: for a run entered after
     * the fact (a rehearsal run on paper; the demo's past rehearsal). A Java API only: no screen
     * offers it, because a run worked in Cadence is stamped by the server's clock.
     */
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public void recordAt(Instant at, Runnable changes) {
        RunStore.recordAt(at, changes);
    }

    public void reschedule(Long runId, Instant plannedT0) {
        change(runId, "reschedule the run", "RUN_RESCHEDULED", run -> run.reschedule(plannedT0, RunStore.me(), store.now()));
    }

    public void start(Long runId) {
        RunStore.LoadedRun run = store.lock(runId);
        apply(run, "start the run", "RUN_STARTED", r -> r.start(RunStore.me(), store.now()));
        hypercare.expandReady(run, store.now());
    }

    public void pause(Long runId, @Nullable String reason) {
        change(runId, "pause the run", "RUN_PAUSED", run -> run.pause(RunStore.me(), store.now(), reason));
    }

    public void resume(Long runId) {
        change(runId, "resume the run", "RUN_RESUMED", run -> run.resume(RunStore.me(), store.now()));
    }

    public void end(Long runId, RunOutcome outcome, @Nullable String note) {
        RunStore.LoadedRun run = store.lock(runId);
        if (outcome == RunOutcome.ROLLED_BACK && !run.steps().rollbackInvoked()) {
            throw new CutoverRuleException("Rollback was not invoked in " + run.stored().run().name()
                    + "; end it as completed or abandoned, or invoke rollback first.");
        }
        apply(run, "end the run", "RUN_ENDED", r -> r.end(RunStore.me(), store.now(), outcome, note));
    }

    /** Abandons the forward steps not finished and makes the rollback branch ready: everyone sees it at once. */
    public void invokeRollback(Long runId, @Nullable String reason) {
        RunStore.LoadedRun run = store.lock(runId);
        RunAccess.requireMayRun(run.stored(), "invoke rollback");
        run.stored().run().checkStepsCanBeRecorded();
        Logged<RunSteps> after = run.steps().invokeRollback(RunStore.me(), store.now(), reason);
        List<UUID> changed = store.saveSteps(run, after.value());
        store.log(run.id(), after.entries());
        store.announce(run.stored(), "ROLLBACK_INVOKED", changed, RunStepWork.ready(run, after.value().newlyReady(run.steps())));
    }

    /** Gives the run's lead to another member (not a viewer); recorded in the log. */
    public void handOverLead(Long runId, Long userId) {
        RunStore.LoadedRun run = store.lock(runId);
        RunAccess.requireMayRun(run.stored(), "hand over the lead");
        if (run.stored().run().isReadOnly()) {
            throw new CutoverRuleException(run.stored().run().name() + " has ended; a finished run is read-only.");
        }
        MemberSummary lead = activeMember(userId, "lead the run");
        run.stored().handOverLeadTo(userId, store.now());
        store.log(run.id(), List.of(new RunLogEntry(store.now(), RunStore.me(),
                "Lead handed over to " + lead.displayName(), null, null, false)));
        store.announce(run.stored(), "LEAD_HANDED_OVER", List.of(), List.of());
    }

    /**
     * Says who holds an owner role of the runbook in this run (replacing who held it: a handover
     * mid-run is this one action, recorded). Every step of that role is then theirs. The approvers
     * of a go/no-go step of that role follow, until its first vote.
     */
    public void assignRole(Long runId, String role, Collection<Long> userIds) {
        RunStore.LoadedRun run = store.lock(runId);
        RunAccess.requireMayRun(run.stored(), "change the roster");
        if (run.stored().run().isReadOnly()) {
            throw new CutoverRuleException(run.stored().run().name() + " has ended; a finished run is read-only.");
        }
        String known = run.plan().ownerRoles().stream().filter(r -> r.equalsIgnoreCase(role.strip())).findFirst()
                .orElseThrow(() -> new RuleViolationException("role", "No step of this runbook is owned by “" + role.strip() + "”."));
        Set<Long> holders = new LinkedHashSet<>(userIds);
        Map<Long, MemberSummary> byId = members.activeMembers().stream().collect(Collectors.toMap(MemberSummary::userId, m -> m));
        for (Long userId : holders) {
            MemberSummary member = byId.get(userId);
            if (member == null) {
                throw new RuleViolationException("role", "Only active members of this organisation can hold a role in a run.");
            }
            if (member.role() == Role.VIEWER) {
                throw new RuleViolationException("role", member.displayName() + " is a viewer and can only watch the run.");
            }
        }
        List<Long> before = run.holders(known);
        roster.deleteRole(TenantContext.requireTenantId(), run.id(), known);
        roster.flush();
        holders.forEach(userId -> roster.save(new RosterAssignment(run.id(), known, userId)));
        String names = holders.isEmpty() ? "nobody" : holders.stream().map(id -> byId.get(id).displayName()).collect(Collectors.joining(", "));
        store.log(run.id(), List.of(new RunLogEntry(store.now(), RunStore.me(),
                (before.isEmpty() ? "Roster: " : "Handover: ") + known + " → " + names, null, null, false)));
        voting.followRoster(run, known, List.copyOf(holders), byId);
        store.announce(run.stored(), "ROSTER_CHANGED", List.of(), List.of());
    }

    private MemberSummary activeMember(Long userId, String what) {
        MemberSummary member = members.activeMembers(List.of(userId)).stream().findFirst()
                .orElseThrow(() -> new RuleViolationException(null, "Only an active member of this organisation can " + what + "."));
        if (member.role() == Role.VIEWER) {
            throw new RuleViolationException(null, member.displayName() + " is a viewer and cannot " + what + ".");
        }
        return member;
    }

    private void change(Long runId, String what, String change, Function<CutoverRun, Logged<CutoverRun>> action) {
        apply(store.lock(runId), what, change, action);
    }

    private void apply(RunStore.LoadedRun run, String what, String change, Function<CutoverRun, Logged<CutoverRun>> action) {
        RunAccess.requireMayRun(run.stored(), what);
        Logged<CutoverRun> next = action.apply(run.stored().run());
        run.stored().store(next.value(), store.now());
        store.log(run.id(), next.entries());
        store.announce(run.stored(), change, List.of(), List.<RunChanged.ReadyStep>of());
    }
}
