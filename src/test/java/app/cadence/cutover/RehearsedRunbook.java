package app.cadence.cutover;

import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.domain.Verdict;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.GoNoGoVoting;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
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
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;

/**
 * The sample go-live runbook ({@link SampleTemplates#goLiveRunbook()}) in an organisation on
 * London time, rehearsed twice with times chosen so that every figure the exports show can be
 * worked out by hand:
 * <pre>
 * Rehearsal 1 (T0 = t0, ended "Completed")        Rehearsal 2 (T0 = t0 + 1 day, still running)
 *   Freeze changes  T−3h → T−1h50  took 1:10, +0:10    T−3h → T−2h     took 1:00, on time
 *   Migrate data    T−1h50 → T−1h  took 0:50, on time  T−2h → T−40m    took 1:20, +0:20 (started by override)
 *   Go/no-go        T−1h → T−50m   took 0:10, −0:20    —
 *   Switch DNS      T0 → T+45m     took 0:45, +0:15    —
 *   Restore …       not invoked                        —
 * </pre>
 * Rehearsal 1's evidence: a link for the freeze, a formula-like text for the migration.
 */
public final class RehearsedRunbook {

    public static final String FREEZE_EVIDENCE = "https://evidence.example/freeze-log";
    public static final String FORMULA_EVIDENCE = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    public final Tenant tenant;
    public final Member pm;
    public final Member pmo;
    public final Member dataLead;
    public final Member networkEngineer;
    public final Member viewer;
    public final String projectKey;
    public final Long instanceId;
    public final Instant t0;
    public final Long first;
    public final Long second;

    private final TenantScope scope;
    private final RunReading reading;

    private RehearsedRunbook(ApplicationContext context, Fixtures fixtures) {
        scope = context.getBean(TenantScope.class);
        reading = context.getBean(RunReading.class);
        TestClock clock = context.getBean(TestClock.class);
        CutoverRuns runs = context.getBean(CutoverRuns.class);
        RunStepWork steps = context.getBean(RunStepWork.class);
        GoNoGoVoting voting = context.getBean(GoNoGoVoting.class);
        InstanceApplication applying = context.getBean(InstanceApplication.class);

        tenant = fixtures.tenant("Exports");
        context.getBean(TenantProvisioning.class).changeTimeZone(tenant.id(), ZONE);
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        dataLead = fixtures.member(tenant, Role.CONTRIBUTOR);
        networkEngineer = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
        projectKey = "EX-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(java.util.Locale.ROOT);
        Long projectId = fixtures.project(pm, projectKey, "Exports go-live");
        Long templateId = fixtures.publishedTemplate(pmo, "Go-live runbook", SampleTemplates.goLiveRunbook());
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZONE).plusHours(4).withMinute(0).withSecond(0).withNano(0);
        t0 = at.atZone(ZONE).toInstant();
        instanceId = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Go-live runbook", Anchors.at(at)));
        });

        first = as(pm, () -> runs.scheduleRehearsal(instanceId, t0));
        roster(runs, first);
        clock.advance(Duration.between(clock.instant(), t0.minus(Duration.ofHours(3))));
        as(pm, () -> runs.start(first));
        as(dataLead, () -> steps.start(first, key(first, "Freeze changes"), null));
        clock.advance(Duration.ofMinutes(70));
        as(dataLead, () -> steps.complete(first, key(first, "Freeze changes"), FREEZE_EVIDENCE, null));
        as(dataLead, () -> steps.start(first, key(first, "Migrate data"), null));
        clock.advance(Duration.ofMinutes(50));
        as(dataLead, () -> steps.complete(first, key(first, "Migrate data"), FORMULA_EVIDENCE, null));
        as(pmo, () -> voting.vote(first, key(first, "Go/no-go"), Verdict.GO, "Data reconciled"));
        clock.advance(Duration.ofMinutes(10));
        as(networkEngineer, () -> voting.vote(first, key(first, "Go/no-go"), Verdict.GO_WITH_CONDITIONS, "Keep the DNS TTL low for a day"));
        clock.advance(Duration.ofMinutes(50));
        as(networkEngineer, () -> steps.start(first, key(first, "Switch DNS"), null));
        clock.advance(Duration.ofMinutes(45));
        as(networkEngineer, () -> steps.complete(first, key(first, "Switch DNS"), "Change CHG-1042 closed", null));
        as(pm, () -> runs.end(first, RunOutcome.COMPLETED, "Rehearsal went well"));

        Instant secondT0 = t0.plus(Duration.ofDays(1));
        second = as(pm, () -> runs.scheduleRehearsal(instanceId, secondT0));
        roster(runs, second);
        clock.advance(Duration.between(clock.instant(), secondT0.minus(Duration.ofHours(3))));
        as(pm, () -> runs.start(second));
        as(dataLead, () -> steps.start(second, key(second, "Freeze changes"), null));
        clock.advance(Duration.ofMinutes(60));
        as(dataLead, () -> steps.start(second, key(second, "Migrate data"), "Freeze done by hand on the old console"));
        as(dataLead, () -> steps.complete(second, key(second, "Freeze changes"), null, null));
        clock.advance(Duration.ofMinutes(80));
        as(dataLead, () -> steps.complete(second, key(second, "Migrate data"), null, null));
    }

    public static RehearsedRunbook create(ApplicationContext context, Fixtures fixtures) {
        return new RehearsedRunbook(context, fixtures);
    }

    private void roster(CutoverRuns runs, Long runId) {
        as(pm, () -> runs.assignRole(runId, "Data lead", List.of(dataLead.userId())));
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId(), networkEngineer.userId())));
        as(pm, () -> runs.assignRole(runId, "Network engineer", List.of(networkEngineer.userId())));
    }

    public UUID key(Long runId, String title) {
        return step(runId, title).key();
    }

    public RunScreen.StepRow step(Long runId, String title) {
        return as(pm, () -> reading.screen(runId)).steps().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    public <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    public void as(Member member, Runnable action) {
        scope.run(member.userId(), member.tenantId(), action);
    }
}
