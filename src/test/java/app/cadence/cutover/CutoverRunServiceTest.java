package app.cadence.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.cutover.domain.ConditionState;
import app.cadence.cutover.domain.CutoverRuleException;
import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.domain.RunState;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.domain.Verdict;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.cutover.events.RunChanged;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.DecisionConditions;
import app.cadence.cutover.service.GoNoGoVoting;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Running a cutover: rehearsals and the go-live, step states and overrides, the roster, go/no-go
 * votes, rollback — through the services, with the role matrix and tenant isolation.
 */
@IntegrationTest
@RecordApplicationEvents // rather than a listener bean of its own: that would start a second application context
class CutoverRunServiceTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired app.cadence.work.service.InstanceReading instances;
    @Autowired CutoverRuns runs;
    @Autowired RunStepWork steps;
    @Autowired GoNoGoVoting voting;
    @Autowired DecisionConditions conditions;
    @Autowired app.cadence.cutover.domain.StoredConditionRepository storedConditions;
    @Autowired app.cadence.cutover.domain.StoredCheckRepository storedChecks;
    @Autowired app.cadence.cutover.domain.StoredDecisionRepository storedDecisions;
    @Autowired app.cadence.cutover.domain.RosterAssignmentRepository storedRoster;
    @Autowired app.cadence.cutover.domain.StoredLogEntryRepository storedLog;
    @Autowired app.cadence.cutover.domain.StoredStepRepository storedSteps;
    @Autowired app.cadence.cutover.domain.StoredRunRepository storedRuns;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired ApplicationEvents events;
    @Autowired RunReading reading;
    @Autowired TestClock clock;
    @Autowired app.cadence.notify.service.Notifications notifications;
    @Autowired app.cadence.cutover.service.LateStepWatch lateWatch;

    Tenant tenant;
    Member pm;
    Member pmo;
    Member dataLead;
    Member networkEngineer;
    Member viewer;
    Long instanceId;
    Instant t0;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Cutover");
        provisioning.changeTimeZone(tenant.id(), ZoneOffset.UTC);
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        dataLead = fixtures.member(tenant, Role.CONTRIBUTOR);
        networkEngineer = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
        Long projectId = fixtures.project(pm, "GL-" + UUID.randomUUID().toString().substring(0, 4), "Go-live");
        Long templateId = fixtures.publishedTemplate(pmo, "Go-live runbook", SampleTemplates.goLiveRunbook());
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusHours(4).withMinute(0).withSecond(0).withNano(0);
        t0 = at.toInstant(ZoneOffset.UTC);
        instanceId = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Go-live runbook", Anchors.at(at)));
        });
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    void as(Member member, Runnable action) {
        scope.run(member.userId(), member.tenantId(), action);
    }

    RunScreen screen(Member member, Long runId) {
        return as(member, () -> reading.screen(runId));
    }

    RunScreen.StepRow step(RunScreen screen, String title) {
        return screen.steps().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    UUID key(Long runId, String title) {
        return step(screen(pm, runId), title).key();
    }

    @Test
    void aRehearsalIsScheduledFromTheInstanceWithItsStepsWaitingOrReady() {
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));

        RunScreen screen = screen(viewer, runId);
        assertThat(screen.header().name()).isEqualTo("Rehearsal 1");
        assertThat(screen.header().state()).isEqualTo(RunState.SCHEDULED);
        assertThat(screen.header().plannedT0()).isEqualTo(t0);
        assertThat(screen.steps()).extracting(RunScreen.StepRow::title, RunScreen.StepRow::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Freeze changes", StepState.READY),
                org.assertj.core.groups.Tuple.tuple("Migrate data", StepState.WAITING),
                org.assertj.core.groups.Tuple.tuple("Go/no-go", StepState.WAITING),
                org.assertj.core.groups.Tuple.tuple("Switch DNS", StepState.WAITING),
                org.assertj.core.groups.Tuple.tuple("Restore the old system", StepState.WAITING));
        assertThat(step(screen, "Freeze changes").plannedStart()).isEqualTo(t0.minus(Duration.ofHours(3)));
        assertThat(screen.header().stepsCounted()).as("rollback steps do not count until rollback is invoked").isEqualTo(4);
        assertThat(screen.you().mayRun()).isFalse();
        assertThat(as(pm, () -> runs.scheduleRehearsal(instanceId, null))).isNotEqualTo(runId);
        assertThat(as(pm, () -> reading.runsOf(instanceId))).extracting(RunReading.RunSummary::name).containsExactly("Rehearsal 1", "Rehearsal 2");
    }

    @Test
    void oneGoLivePerInstanceAndOnlyProjectManagersScheduleRuns() {
        as(pm, () -> runs.scheduleLiveRun(instanceId, t0.plus(Duration.ofDays(7))));
        assertThatThrownBy(() -> as(pm, () -> runs.scheduleLiveRun(instanceId, null))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("already has its go-live run");
        assertThatThrownBy(() -> as(dataLead, () -> runs.scheduleRehearsal(instanceId, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> runs.scheduleRehearsal(instanceId, null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aContributorWorksTheStepsOfTheRoleTheyHoldAndAStepBecomesReadyWhenItsPredecessorIsDone() {
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        UUID freeze = key(runId, "Freeze changes");
        assertThatThrownBy(() -> as(pm, () -> steps.start(runId, freeze, null))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("has not started");
        as(pm, () -> runs.start(runId));

        assertThatThrownBy(() -> as(dataLead, () -> steps.start(runId, freeze, null))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Data lead");
        as(pm, () -> runs.assignRole(runId, "Data lead", List.of(dataLead.userId())));
        assertThat(as(dataLead, () -> reading.myRunSteps())).extracting(RunReading.MyRunStep::title, RunReading.MyRunStep::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Freeze changes", StepState.READY));
        assertThat(as(networkEngineer, () -> reading.myRunSteps())).isEmpty();
        as(dataLead, () -> steps.start(runId, freeze, null));
        clock.advance(Duration.ofMinutes(50));
        as(dataLead, () -> steps.complete(runId, freeze, null, null));

        RunScreen screen = screen(dataLead, runId);
        assertThat(step(screen, "Freeze changes").state()).isEqualTo(StepState.DONE);
        assertThat(step(screen, "Freeze changes").finishedBy()).isEqualTo(dataLead.name());
        assertThat(step(screen, "Migrate data").state()).isEqualTo(StepState.READY);
        assertThat(step(screen, "Migrate data").mine()).isTrue();
        assertThat(as(dataLead, () -> reading.myRunSteps())).extracting(RunReading.MyRunStep::title).containsExactly("Migrate data");
        assertThat(step(screen, "Switch DNS").mayWork()).as("not the data lead's step").isFalse();
        assertThat(screen.log()).extracting(RunScreen.LogLine::what).contains("Started “Freeze changes”", "Roster: Data lead → " + dataLead.name());
        assertThatThrownBy(() -> as(viewer, () -> steps.start(runId, key(runId, "Migrate data"), null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theScreensOfOneRunShareOneReadUntilTheRunChangesAndEachStillSaysWhatIsTheirs() {
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        as(pm, () -> runs.start(runId));
        as(pm, () -> runs.assignRole(runId, "Data lead", List.of(dataLead.userId())));
        UUID freeze = key(runId, "Freeze changes");

        long signingIn = statements(() -> as(dataLead, () -> reading.mayScheduleRuns()));
        assertThat(statements(() -> screen(dataLead, runId)) - signingIn).as("the run's row only: the rest was read for the PM's screen").isEqualTo(1);
        assertThat(step(screen(dataLead, runId), "Freeze changes").mine()).isTrue();
        assertThat(step(screen(pm, runId), "Freeze changes").mine()).isFalse();
        assertThat(step(screen(networkEngineer, runId), "Freeze changes").mayWork()).isFalse();

        as(dataLead, () -> steps.start(runId, freeze, null));
        long afterChange = statements(() -> screen(pm, runId));
        assertThat(afterChange).as("a change raises the run's version: the next screen reads it all again").isGreaterThan(1);
        assertThat(step(screen(pm, runId), "Freeze changes").state()).isEqualTo(StepState.IN_PROGRESS);
        assertThat(screen(networkEngineer, runId).log()).extracting(RunScreen.LogLine::what).contains("Started “Freeze changes”");
    }

    @Autowired jakarta.persistence.EntityManagerFactory entityManagerFactory;

    long statements(Runnable action) {
        org.hibernate.stat.Statistics statistics = entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            action.run();
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    @Test
    void startingAStepWhosePredecessorsAreOpenNeedsAnOverrideWithAReasonAndIsLogged() {
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        as(pm, () -> runs.start(runId));
        UUID migrate = key(runId, "Migrate data");

        assertThatThrownBy(() -> as(pm, () -> steps.start(runId, migrate, null))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("waiting for “Freeze changes”");
        as(pm, () -> steps.start(runId, migrate, "Freeze done by hand on the old console"));

        RunScreen screen = screen(pm, runId);
        assertThat(step(screen, "Migrate data").state()).isEqualTo(StepState.IN_PROGRESS);
        assertThat(screen.log()).anySatisfy(line -> {
            assertThat(line.what()).isEqualTo("Started “Migrate data”");
            assertThat(line.override()).isTrue();
            assertThat(line.reason()).isEqualTo("Freeze done by hand on the old console");
        });
    }

    @Test
    void aPausedRunStartsNoStepButRecordsTheOnesUnderWay() {
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        as(pm, () -> runs.start(runId));
        UUID freeze = key(runId, "Freeze changes");
        as(pm, () -> steps.start(runId, freeze, null));
        as(pm, () -> runs.pause(runId, "Data centre power check"));

        assertThatThrownBy(() -> as(pm, () -> steps.start(runId, key(runId, "Migrate data"), "in a hurry"))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("paused");
        as(pm, () -> steps.complete(runId, freeze, null, null));
        assertThat(screen(pm, runId).header().pauseReason()).isEqualTo("Data centre power check");
        as(pm, () -> runs.resume(runId));
        as(pm, () -> steps.start(runId, key(runId, "Migrate data"), null));
        assertThat(screen(pm, runId).header().state()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void twoApproversVotingGoFinishTheCheckpointAndTheNextStepIsReady() {
        Long runId = readyForTheDecision();
        UUID decide = key(runId, "Go/no-go");
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId(), networkEngineer.userId())));

        assertThatThrownBy(() -> as(dataLead, () -> voting.vote(runId, decide, Verdict.GO, null))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("Only the approvers");
        as(pmo, () -> voting.vote(runId, decide, Verdict.GO, "Data reconciled"));
        RunScreen half = screen(pm, runId);
        assertThat(step(half, "Go/no-go").state()).as("the first vote starts the checkpoint").isEqualTo(StepState.IN_PROGRESS);
        assertThat(half.decisions().getFirst().outcome()).isNull();
        as(networkEngineer, () -> voting.vote(runId, decide, Verdict.GO_WITH_CONDITIONS, "Keep the old DNS TTL low for 24 hours"));

        RunScreen screen = screen(pm, runId);
        assertThat(step(screen, "Go/no-go").state()).isEqualTo(StepState.DONE);
        assertThat(step(screen, "Go/no-go").evidence()).contains("Go with conditions", "Keep the old DNS TTL low");
        assertThat(step(screen, "Switch DNS").state()).isEqualTo(StepState.READY);
        assertThat(step(screen, "Restore the old system").state()).as("rollback waits for its invocation").isEqualTo(StepState.WAITING);
        assertThat(screen.decisions().getFirst().outcome()).isEqualTo(Verdict.GO_WITH_CONDITIONS);
        assertThat(screen.decisions().getFirst().approvals()).extracting(RunScreen.Approval::verdict)
                .containsExactly(Verdict.GO, Verdict.GO_WITH_CONDITIONS);
    }

    @Test
    void aNoGoFailsTheCheckpointAndRollbackAbandonsTheForwardStepsAndReadiesTheRollbackBranch() {
        Long runId = readyForTheDecision();
        UUID decide = key(runId, "Go/no-go");
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId())));
        as(pmo, () -> voting.vote(runId, decide, Verdict.NO_GO, "Reconciliation off by 3%"));
        assertThat(step(screen(pm, runId), "Go/no-go").state()).isEqualTo(StepState.FAILED);
        assertThat(step(screen(pm, runId), "Switch DNS").state()).isEqualTo(StepState.WAITING);

        assertThatThrownBy(() -> as(dataLead, () -> runs.invokeRollback(runId, "No-go"))).isInstanceOf(AccessDeniedException.class);
        as(pm, () -> runs.invokeRollback(runId, "No-go at the checkpoint"));

        RunScreen screen = screen(pm, runId);
        assertThat(step(screen, "Switch DNS").state()).isEqualTo(StepState.ABANDONED);
        assertThat(step(screen, "Restore the old system").state()).isEqualTo(StepState.READY);
        assertThat(screen.header().rollback().reason()).isEqualTo("No-go at the checkpoint");
        as(pm, () -> steps.complete(runId, key(runId, "Restore the old system"), null, null));
        as(pm, () -> runs.end(runId, RunOutcome.ROLLED_BACK, "Rolled back after the no-go"));
        RunScreen ended = screen(pm, runId);
        assertThat(ended.header().outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(ended.header().readOnly()).isTrue();
        assertThat(ended.steps()).allMatch(s -> !s.mayWork());
        assertThatThrownBy(() -> as(pm, () -> steps.skip(runId, key(runId, "Switch DNS"), "late"))).isInstanceOf(CutoverRuleException.class);
    }

    @Test
    void theRunLeadMayOverruleANoGoWithAReason() {
        Long runId = readyForTheDecision();
        UUID decide = key(runId, "Go/no-go");
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId())));
        as(pmo, () -> voting.vote(runId, decide, Verdict.NO_GO, "Reconciliation off by 3%"));

        assertThatThrownBy(() -> as(pmo, () -> voting.overrule(runId, decide, "I disagree"))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("Only the run lead");
        as(pm, () -> voting.overrule(runId, decide, "Difference explained: test accounts"));

        RunScreen screen = screen(pm, runId);
        assertThat(step(screen, "Go/no-go").state()).isEqualTo(StepState.DONE);
        assertThat(screen.decisions().getFirst().overruledBy()).isEqualTo(pm.name());
        assertThat(step(screen, "Switch DNS").state()).isEqualTo(StepState.READY);
    }

    @Test
    void theConditionsOfAGoWithConditionsAreFollowedUpByWhoeverRunsTheRunOrTheApproverWhoSetThem() {
        Long runId = readyForTheDecision();
        UUID decide = key(runId, "Go/no-go");
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId(), networkEngineer.userId())));
        as(pmo, () -> voting.vote(runId, decide, Verdict.GO_WITH_CONDITIONS, "Hypercare desk staffed until Monday"));
        assertThat(screen(pm, runId).decisions().getFirst().conditions()).as("nothing to follow up before the decision is taken").isEmpty();
        as(networkEngineer, () -> voting.vote(runId, decide, Verdict.GO_WITH_CONDITIONS, "Keep the old DNS TTL low for 24 hours"));

        RunScreen taken = screen(networkEngineer, runId);
        assertThat(taken.decisions().getFirst().conditions()).extracting(RunScreen.Condition::approver, RunScreen.Condition::text,
                RunScreen.Condition::state, RunScreen.Condition::mayChange).containsExactly(
                org.assertj.core.groups.Tuple.tuple(pmo.name(), "Hypercare desk staffed until Monday", ConditionState.OPEN, false),
                org.assertj.core.groups.Tuple.tuple(networkEngineer.name(), "Keep the old DNS TTL low for 24 hours", ConditionState.OPEN, true));
        assertThat(taken.openConditions()).isEqualTo(2);
        assertThat(screen(pm, runId).decisions().getFirst().conditions()).allMatch(RunScreen.Condition::mayChange);
        assertThat(screen(dataLead, runId).decisions().getFirst().conditions()).noneMatch(RunScreen.Condition::mayChange);
        assertThat(screen(viewer, runId).decisions().getFirst().conditions()).noneMatch(RunScreen.Condition::mayChange);

        assertThatThrownBy(() -> as(dataLead, () -> conditions.markMet(runId, decide, networkEngineer.userId(), null)))
                .isInstanceOf(CutoverRuleException.class).hasMessageContaining("Only the run lead, a project manager or " + networkEngineer.name());
        assertThatThrownBy(() -> as(networkEngineer, () -> conditions.markMet(runId, decide, pmo.userId(), null)))
                .as("not the condition they set").isInstanceOf(CutoverRuleException.class);
        assertThatThrownBy(() -> as(viewer, () -> conditions.markMet(runId, decide, pmo.userId(), null))).isInstanceOf(AccessDeniedException.class);
        events.clear();
        clock.advance(Duration.ofMinutes(5));
        as(networkEngineer, () -> conditions.markMet(runId, decide, networkEngineer.userId(), "TTL at 60 s, checked on all three resolvers"));
        as(pm, () -> conditions.markMet(runId, decide, pmo.userId(), null));
        assertThat(events.stream(RunChanged.class)).extracting(RunChanged::change, RunChanged::stepKeys).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CONDITION_MET", List.of(decide)), org.assertj.core.groups.Tuple.tuple("CONDITION_MET", List.of(decide)));
        assertThatThrownBy(() -> as(pmo, () -> conditions.markMet(runId, decide, pmo.userId(), null))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("already marked met by " + pm.name());

        RunScreen met = screen(pm, runId);
        RunScreen.Condition dns = met.decisions().getFirst().conditions().get(1);
        assertThat(dns.state()).isEqualTo(ConditionState.MET);
        assertThat(dns.changedBy()).isEqualTo(networkEngineer.name());
        assertThat(dns.changedAt()).isEqualTo(clock.instant());
        assertThat(dns.note()).isEqualTo("TTL at 60 s, checked on all three resolvers");
        assertThat(met.openConditions()).isZero();

        assertThatThrownBy(() -> as(pm, () -> conditions.reopen(runId, decide, pmo.userId(), " "))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("Say why");
        as(pmo, () -> conditions.reopen(runId, decide, pmo.userId(), "Only one person on the desk on Sunday"));
        RunScreen reopened = screen(pm, runId);
        assertThat(reopened.openConditions()).isEqualTo(1);
        assertThat(reopened.decisions().getFirst().conditions().getFirst()).extracting(RunScreen.Condition::state, RunScreen.Condition::changedBy,
                RunScreen.Condition::note).containsExactly(ConditionState.OPEN, pmo.name(), "Only one person on the desk on Sunday");
        assertThat(reopened.log()).extracting(RunScreen.LogLine::by, RunScreen.LogLine::what, RunScreen.LogLine::reason).contains(
                org.assertj.core.groups.Tuple.tuple(networkEngineer.name(), "Condition met on “Go/no-go”: “Keep the old DNS TTL low for 24 hours” ("
                        + networkEngineer.name() + ")", "TTL at 60 s, checked on all three resolvers"),
                org.assertj.core.groups.Tuple.tuple(pm.name(), "Condition met on “Go/no-go”: “Hypercare desk staffed until Monday” (" + pmo.name() + ")", null),
                org.assertj.core.groups.Tuple.tuple(pmo.name(), "Condition reopened on “Go/no-go”: “Hypercare desk staffed until Monday” ("
                        + pmo.name() + ")", "Only one person on the desk on Sunday"));
        assertThat(events.stream(RunChanged.class)).extracting(RunChanged::change).endsWith("CONDITION_REOPENED");
    }

    @Test
    void anEndedRunsConditionsAreReadOnly() {
        Long runId = readyForTheDecision();
        UUID decide = key(runId, "Go/no-go");
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId())));
        as(pmo, () -> voting.vote(runId, decide, Verdict.GO_WITH_CONDITIONS, "Hypercare desk staffed until Monday"));
        as(pm, () -> runs.end(runId, RunOutcome.COMPLETED, "Rehearsal done"));

        assertThat(screen(pm, runId).decisions().getFirst().conditions()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(ConditionState.OPEN);
            assertThat(c.mayChange()).isFalse();
        });
        assertThatThrownBy(() -> as(pm, () -> conditions.markMet(runId, decide, pmo.userId(), "Done after all")))
                .isInstanceOf(CutoverRuleException.class).hasMessage("Rehearsal 1 has ended; a finished run is read-only, so its conditions stay as they were at the end.");
        assertThatThrownBy(() -> as(pmo, () -> conditions.reopen(runId, decide, pmo.userId(), "Changed my mind")))
                .isInstanceOf(CutoverRuleException.class).hasMessageContaining("read-only");
    }

    @Test
    void aLateStepMovesTheForecastEnd() {
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        clock.advance(Duration.between(clock.instant(), t0.minus(Duration.ofHours(3))));
        as(pm, () -> runs.start(runId));
        UUID freeze = key(runId, "Freeze changes");
        as(pm, () -> steps.start(runId, freeze, null));
        RunScreen onTime = screen(pm, runId);
        assertThat(onTime.header().variance()).isEqualTo(Duration.ZERO);

        clock.advance(Duration.ofMinutes(100));
        RunScreen late = screen(pm, runId);
        // Freeze takes 1h40 instead of 1h: migrate and the go/no-go move 40 minutes; the DNS switch
        // was booked 30 minutes after the go/no-go ends, so the run ends 10 minutes late.
        assertThat(step(late, "Freeze changes").late()).isTrue();
        assertThat(step(late, "Go/no-go").forecastFinish()).isEqualTo(step(late, "Go/no-go").plannedFinish().plus(Duration.ofMinutes(40)));
        assertThat(late.header().variance()).isEqualTo(Duration.ofMinutes(10));
        assertThat(late.header().forecastEnd()).isEqualTo(late.header().plannedEnd().plus(Duration.ofMinutes(10)));
    }

    @Test
    void anotherTenantCanNeitherReadNorChangeARun() {
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        Tenant other = fixtures.tenant("Other");
        Member intruder = fixtures.member(other, Role.ADMIN);

        assertThatThrownBy(() -> as(intruder, () -> reading.screen(runId))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> runs.start(runId))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> steps.start(runId, UUID.randomUUID(), null))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> runs.scheduleRehearsal(instanceId, null))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(intruder, () -> reading.runsOf(instanceId))).isEmpty();
        assertThat(screen(pm, runId).header().state()).isEqualTo(RunState.SCHEDULED);
    }

    @Test
    void anotherTenantCanNeitherReadNorChangeACondition() {
        Long runId = readyForTheDecision();
        UUID decide = key(runId, "Go/no-go");
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId())));
        as(pmo, () -> voting.vote(runId, decide, Verdict.GO_WITH_CONDITIONS, "Hypercare desk staffed until Monday"));
        Member intruder = fixtures.member(fixtures.tenant("Other"), Role.ADMIN);

        assertThatThrownBy(() -> as(intruder, () -> reading.screen(runId))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> conditions.markMet(runId, decide, pmo.userId(), "mine now"))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> conditions.reopen(runId, decide, pmo.userId(), "mine now"))).isInstanceOf(RecordNotFoundException.class);

        // Nor does a condition answer under another run of its own organisation, or under an approver who set none.
        Long otherRun = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        assertThatThrownBy(() -> as(pm, () -> conditions.markMet(otherRun, decide, pmo.userId(), null))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(pm, () -> conditions.markMet(runId, decide, networkEngineer.userId(), null))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(pm, () -> conditions.markMet(runId, key(runId, "Switch DNS"), pmo.userId(), null)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(screen(pm, runId).decisions().getFirst().conditions()).singleElement()
                .extracting(RunScreen.Condition::state).isEqualTo(ConditionState.OPEN);
    }

    @Test
    void anotherTenantsBulkDeletesNamingThisTenantsRunDeleteNothing() {
        Long runId = readyForTheDecision();
        UUID decide = key(runId, "Go/no-go");
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId())));
        as(pmo, () -> voting.vote(runId, decide, Verdict.GO_WITH_CONDITIONS, "Hypercare desk staffed until Monday"));
        RunScreen before = screen(pm, runId);
        Member intruder = fixtures.member(fixtures.tenant("Other"), Role.ADMIN);
        List<Long> theirs = List.of(runId);

        // What removing a runbook runs, with the intruder's tenant and this tenant's run id.
        int deleted = as(intruder, () -> transactions.execute(tx -> storedConditions.deleteByRuns(intruder.tenantId(), theirs) + storedChecks.deleteByRuns(intruder.tenantId(), theirs)
                + storedDecisions.deleteVotesOfRuns(intruder.tenantId(), theirs) + storedDecisions.deleteByRuns(intruder.tenantId(), theirs)
                + storedRoster.deleteByRuns(intruder.tenantId(), theirs) + storedLog.deleteByRuns(intruder.tenantId(), theirs)
                + storedSteps.deleteByRuns(intruder.tenantId(), theirs) + storedRuns.deleteRuns(intruder.tenantId(), theirs)));

        assertThat(deleted).isZero();
        RunScreen after = screen(pm, runId);
        assertThat(after.decisions().getFirst().conditions()).singleElement().extracting(RunScreen.Condition::text)
                .isEqualTo("Hypercare desk staffed until Monday");
        assertThat(after.decisions().getFirst().approvals()).isEqualTo(before.decisions().getFirst().approvals());
        assertThat(after.roster()).isEqualTo(before.roster());
        assertThat(after.steps()).hasSameSizeAs(before.steps());
        assertThat(after.log()).hasSameSizeAs(before.log());
    }

    @Test
    void aRunbookWithARunUnderWayIsNotRemovedAndOneWithFinishedRunsTakesThemWithIt() {
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        as(pm, () -> runs.start(runId));
        long version = as(pm, () -> instances.details(instanceId).version());
        assertThatThrownBy(() -> as(pm, () -> applying.delete(instanceId, version))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("end it before removing");

        as(pm, () -> runs.end(runId, RunOutcome.ABANDONED, "Rehearsal cancelled"));
        as(pm, () -> applying.delete(instanceId, version));
        assertThatThrownBy(() -> screen(pm, runId)).isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void peopleAreToldWhatARunAsksOfThemAndALateStepOnce() {
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        as(pm, () -> runs.assignRole(runId, "Data lead", List.of(dataLead.userId())));
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId(), networkEngineer.userId())));
        clock.advance(Duration.between(clock.instant(), t0.minus(Duration.ofHours(3))));
        as(pm, () -> runs.start(runId));
        as(pm, () -> steps.complete(runId, key(runId, "Freeze changes"), null, null));
        assertThat(as(dataLead, () -> notifications.recent(0, 10))).extracting(n -> n.kind(), n -> n.title(), n -> n.link())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationKind.STEP_READY, "Your step is ready: Migrate data", "/runs/" + runId));

        as(dataLead, () -> steps.start(runId, key(runId, "Migrate data"), null));
        clock.advance(Duration.ofMinutes(90)); // a one-hour step, 30 minutes over: past the 15-minute threshold
        assertThat(lateWatch.checkAll()).isGreaterThanOrEqualTo(1);
        assertThat(lateWatch.checkAll()).as("told once").isZero();
        assertThat(as(dataLead, () -> notifications.recent(0, 10))).extracting(n -> n.title()).contains("Late by 30 min: Migrate data");

        as(dataLead, () -> steps.complete(runId, key(runId, "Migrate data"), null, null));
        assertThat(as(pmo, () -> notifications.recent(0, 10))).extracting(n -> n.kind()).contains(NotificationKind.VOTE_AWAITED);
        as(pm, () -> runs.invokeRollback(runId, "Rehearsal stopped"));
        assertThat(as(networkEngineer, () -> notifications.recent(0, 10))).extracting(n -> n.title()).contains("Rollback invoked in Rehearsal 1");
        assertThat(as(pm, () -> notifications.recent(0, 10))).as("nobody is told of their own action")
                .extracting(n -> n.kind()).doesNotContain(NotificationKind.ROLLBACK_INVOKED);
    }

    /** A started rehearsal whose freeze and migrate steps are done: the go/no-go is ready. */
    private Long readyForTheDecision() {
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        as(pm, () -> runs.start(runId));
        as(pm, () -> steps.complete(runId, key(runId, "Freeze changes"), null, null));
        as(pm, () -> steps.complete(runId, key(runId, "Migrate data"), null, null));
        assertThat(step(screen(pm, runId), "Go/no-go").state()).isEqualTo(StepState.READY);
        return runId;
    }
}
