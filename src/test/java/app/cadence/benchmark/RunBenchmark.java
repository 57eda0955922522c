package app.cadence.benchmark;

import app.cadence.cutover.domain.RunForecast;
import app.cadence.cutover.domain.Runbook;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.RunT0;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue C7's server-side figures on a 500-step runbook (see docs/performance.md): the run
 * screen's read (its time and SQL statements, whatever the number of steps), and recording a
 * step done with the forecast and critical path recomputed over the 500 steps. Measured
 * in-process, through the services a request calls (no HTTP: the 30-person simulation through
 * the real protocol is a separate measurement). Asserts nothing about time.
 * {@code bin/mvn test -Pbenchmark [-Pmariadb]}.
 */
@Tag("benchmark")
@IntegrationTest
class RunBenchmark {

    private static final int STEPS = 500;
    private static final int RUNS = Integer.getInteger("cadence.bench.runs", 20);

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired InstanceApplication applying;
    @Autowired CutoverRuns runs;
    @Autowired RunStepWork steps;
    @Autowired RunReading reading;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        Tenant tenant = fixtures.tenant("Runs");
        Member pmo = fixtures.member(tenant, Role.PMO);
        Member pm = fixtures.member(tenant, Role.PM);
        TemplateContent content = runbook(STEPS, new Random(42));
        Long templateId = fixtures.publishedTemplate(pmo, "Five hundred steps", content);
        Long projectId = fixtures.project(pm, "RUN-" + UUID.randomUUID().toString().substring(0, 4), "Big cutover");
        LocalDateTime t0 = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        Long instanceId = scope.call(pm.userId(), tenant.id(), () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Runbook", Anchors.at(t0)));
        });
        Long runId = scope.call(pm.userId(), tenant.id(), () -> runs.scheduleRehearsal(instanceId, null));
        scope.run(pm.userId(), tenant.id(), () -> runs.start(runId));
        // A run under way: the first hundred steps that become ready are done.
        for (int i = 0; i < 100; i++) {
            UUID ready = readyStep(pm, tenant, runId);
            scope.run(pm.userId(), tenant.id(), () -> steps.complete(runId, ready, "https://evidence.example/" + ready, null));
        }

        line("Database: %s; %d steps, %d done", database(), STEPS, 100);
        // The first screen after a change reads everything; the others share its read (RunSnapshots)
        // while the run's version stands. A read of one log line more than a screen shows is never
        // shared: it stands for the first screen after a change, the figure the target is about.
        int unshared = RunReading.LOG_SHOWN + 1;
        double screen = median(() -> scope.call(pm.userId(), tenant.id(), () -> reading.screen(runId, unshared)));
        // Counted inside the signed-in scope: the membership check every request makes (MembershipRefreshFilter) is not the screen's.
        long statements = scope.call(pm.userId(), tenant.id(), () -> statements(() -> reading.screen(runId, unshared)));
        line("Run screen of a %d-step runbook, first screen after a change (RunReading.screen: plan, steps, forecast, roster, decisions, log): "
                + "%.1f ms, %d SQL statements", STEPS, screen, statements);
        scope.call(pm.userId(), tenant.id(), () -> reading.screen(runId));
        double shared = median(() -> scope.call(pm.userId(), tenant.id(), () -> reading.screen(runId)));
        long sharedStatements = scope.call(pm.userId(), tenant.id(), () -> statements(() -> reading.screen(runId)));
        line("Run screen, every other screen of the same run version (the shared read): %.1f ms, %d SQL statements", shared, sharedStatements);

        double done = median(() -> {
            UUID ready = readyStep(pm, tenant, runId);
            long start = System.nanoTime();
            scope.run(pm.userId(), tenant.id(), () -> steps.complete(runId, ready, "https://evidence.example/" + ready, null));
            return (System.nanoTime() - start) / 1e6;
        }, true);
        UUID next = readyStep(pm, tenant, runId);
        long doneStatements = scope.call(pm.userId(), tenant.id(), () -> statements(() -> steps.complete(runId, next, null, null)));
        Runbook plan = Runbook.of(content);
        RunSteps fresh = RunSteps.fresh(plan);
        double forecast = median(() -> RunForecast.of(fresh, new RunT0(t0.toInstant(ZoneOffset.UTC), null, ZoneOffset.UTC), clock.instant()));
        line("Recording a step done (RunStepWork.complete: lock, read, rules, write, log, announce): %.1f ms, %d SQL statements;"
                + " forecast and critical path over %d steps: %.2f ms; together %.1f ms", done, doneStatements, STEPS, forecast, done + forecast);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "benchmark-runs.txt"), report);
    }

    private UUID readyStep(Member pm, Tenant tenant, Long runId) {
        RunScreen screen = scope.call(pm.userId(), tenant.id(), () -> reading.screen(runId, 1));
        return screen.steps().stream().filter(s -> s.state() == StepState.READY && !s.rollback()).findFirst().orElseThrow().key();
    }

    /** Sections of fifty steps, each waiting for one or two earlier steps, eight owner roles, a go/no-go every hundred steps, and a rollback branch. */
    static TemplateContent runbook(int size, Random random) {
        List<TemplateSection> sections = new ArrayList<>();
        List<CutoverStep> all = new ArrayList<>();
        List<TemplateItem> section = new ArrayList<>();
        int forward = size - 20;
        for (int i = 0; i < forward; i++) {
            List<UUID> predecessors = new ArrayList<>();
            if (i > 0) {
                predecessors.add(all.get(Math.max(0, i - 1 - random.nextInt(3))).key());
            }
            if (i > 10 && random.nextBoolean()) {
                UUID other = all.get(random.nextInt(i - 5)).key();
                if (!predecessors.contains(other)) {
                    predecessors.add(other);
                }
            }
            CutoverStep step = new CutoverStep(UUID.randomUUID(), "Step " + (i + 1), null, i % 100 == 99 ? StepType.GO_NO_GO : StepType.TASK,
                    -3000 + i * 6, 5 + random.nextInt(10), "Role " + (i % 8), predecessors, null, null, false);
            all.add(step);
            section.add(step);
            if (section.size() == 50) {
                sections.add(new TemplateSection(UUID.randomUUID(), "Section " + (sections.size() + 1), SectionRole.EXECUTION, section));
                section = new ArrayList<>();
            }
        }
        if (!section.isEmpty()) {
            sections.add(new TemplateSection(UUID.randomUUID(), "Section " + (sections.size() + 1), SectionRole.EXECUTION, section));
        }
        List<TemplateItem> rollback = new ArrayList<>();
        UUID previous = null;
        for (int i = 0; i < 20; i++) {
            CutoverStep step = new CutoverStep(UUID.randomUUID(), "Rollback " + (i + 1), null, StepType.TASK, 60 + i * 10, 10, "Role " + (i % 8),
                    previous == null ? List.of() : List.of(previous), "If needed", "Undo", false);
            rollback.add(step);
            previous = step.key();
        }
        sections.add(new TemplateSection(UUID.randomUUID(), "Rollback", SectionRole.ROLLBACK, rollback));
        return new TemplateContent(TemplateKind.CUTOVER, sections, null);
    }

    private double median(Callable<?> action) throws Exception {
        return median(() -> {
            long start = System.nanoTime();
            action.call();
            return (System.nanoTime() - start) / 1e6;
        }, true);
    }

    private double median(Callable<Double> timed, boolean timedItself) throws Exception {
        for (int i = 0; i < Math.min(3, RUNS); i++) {
            timed.call();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            times[i] = timed.call();
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private long statements(Runnable action) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        action.run();
        long count = statistics.getPrepareStatementCount();
        statistics.setStatisticsEnabled(false);
        return count;
    }

    private String database() {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[benchmark] " + text);
    }
}
