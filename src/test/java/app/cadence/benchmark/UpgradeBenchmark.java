package app.cadence.benchmark;

import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateSection;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceUpgrades;
import app.cadence.work.service.InstanceUpgrades.UpgradePreview;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import app.cadence.work.service.TemplateDrift;
import app.cadence.work.service.TemplateDrift.InstanceOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue C10's upgrade figures (see docs/performance.md): the preview and the upgrade of one
 * 500-item runbook to a version that adds, removes, changes and moves steps, with a tenth of its
 * items worked; and 200 instances of one template upgraded in one action, as the Drift tab runs
 * it. Measured in-process, through the services a request (or the Drift tab's background thread)
 * calls — no HTTP. Asserts nothing about time. {@code bin/mvn test -Pbenchmark -Dtest=UpgradeBenchmark [-Pmariadb]}.
 */
@Tag("benchmark")
@IntegrationTest
class UpgradeBenchmark {

    private static final int STEPS = 500;
    private static final int RUNS = Integer.getInteger("cadence.bench.runs", 10);
    private static final int INSTANCES = Integer.getInteger("cadence.bench.instances", 200);
    private static final int STEPS_EACH = Integer.getInteger("cadence.bench.steps-each", 50);

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired InstanceUpgrades upgrades;
    @Autowired TemplateDrift drift;
    @Autowired JdbcTemplate jdbc;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        Tenant tenant = fixtures.tenant("Upgrades");
        Member pmo = fixtures.member(tenant, Role.PMO);
        line("Database: %s; machine load %s", database(), Figures.loadAverage());

        // One 500-item runbook, 50 items done, upgraded to a version with 10 steps removed, 10 added, 50 renamed, 20 moved.
        TemplateContent v1 = RunBenchmark.runbook(STEPS, new Random(42));
        Long templateId = fixtures.publishedTemplate(pmo, "Five hundred steps", v1);
        Long projectId = fixtures.project(pmo, "UPG-1", "Big runbook");
        Long instanceId = apply(pmo, projectId, templateId);
        List<ItemView> items = scope.call(pmo.userId(), tenant.id(), () -> reading.details(instanceId)).items();
        List<ItemRef> worked = items.stream().limit(50).map(i -> new ItemRef(i.id(), i.version())).toList();
        scope.run(pmo.userId(), tenant.id(), () -> itemWork.bulkStatus(instanceId, worked, ItemStatus.DONE, null));
        Long v2 = publish(pmo, templateId, improved(v1, 10, 50, 20));

        UpgradePreview preview = scope.call(pmo.userId(), tenant.id(), () -> upgrades.preview(instanceId, v2));
        line("The upgrade of a %d-item runbook: %d added, %d removed (%d kept outside the template), %d changed, %d moved",
                STEPS, preview.added().size(), preview.removed().size(), preview.kept(), preview.changed().size(), preview.moved().size());
        double previewMs = median(() -> {
            long start = System.nanoTime();
            scope.call(pmo.userId(), tenant.id(), () -> upgrades.preview(instanceId, v2));
            return (System.nanoTime() - start) / 1e6;
        });
        line("Preview (InstanceUpgrades.preview: instance, items, both versions planned from T0, merge): median %.1f ms of %d (target < 200 ms)",
                previewMs, RUNS);
        double upgradeMs = median(() -> {
            long version = scope.call(pmo.userId(), tenant.id(), () -> upgrades.preview(instanceId, v2)).instanceVersion();
            long start = System.nanoTime();
            scope.call(pmo.userId(), tenant.id(), () -> upgrades.upgrade(instanceId, v2, version));
            double ms = (System.nanoTime() - start) / 1e6;
            Long last = scope.call(pmo.userId(), tenant.id(), () -> upgrades.history(instanceId)).getFirst().id();
            scope.run(pmo.userId(), tenant.id(), () -> upgrades.undo(last)); // back to version 1 for the next round, not timed
            return ms;
        });
        line("Upgrade of the %d-item instance (InstanceUpgrades.upgrade: merge, copy of the items for undo, rows changed, roll-up, audit, notice, events; one transaction): "
                + "median %.1f ms of %d (target < 500 ms)", STEPS, upgradeMs, RUNS);

        // 200 instances of one 50-step template, in 200 projects, upgraded in one action.
        TemplateContent small = RunBenchmark.runbook(STEPS_EACH, new Random(7));
        Long fleetTemplate = fixtures.publishedTemplate(pmo, "Fleet runbook", small);
        List<Long> fleet = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            fleet.add(apply(pmo, fixtures.project(pmo, "F" + i, "Fleet project " + i), fleetTemplate));
        }
        publish(pmo, fleetTemplate, improved(small, 2, 5, 2));
        long summaryStart = System.nanoTime();
        TemplateDrift.DriftSummary summary = scope.call(pmo.userId(), tenant.id(), () -> drift.summary(fleetTemplate, fleet));
        double summaryMs = (System.nanoTime() - summaryStart) / 1e6;
        line("Drift summary of %d instances of a %d-step runbook (%d ready, %d items added in all): %.0f ms",
                INSTANCES, STEPS_EACH, summary.ready(), summary.added(), summaryMs);
        long start = System.nanoTime();
        List<InstanceOutcome> outcomes = scope.call(pmo.userId(), tenant.id(), () -> drift.upgradeAll(fleetTemplate, fleet, o -> { }));
        double allMs = (System.nanoTime() - start) / 1e6;
        long upgraded = outcomes.stream().filter(o -> o.outcome() == TemplateDrift.Outcome.UPGRADED).count();
        line("Upgrading %d instances in one action (TemplateDrift.upgradeAll, one transaction each, with audit, notices and events): %d upgraded in %.1f s "
                + "(%.0f ms each; target < 30 s)", INSTANCES, upgraded, allMs / 1000, allMs / INSTANCES);

        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "benchmark-upgrades.txt"), report);
    }

    private Long apply(Member pmo, Long projectId, Long templateId) {
        return scope.call(pmo.userId(), pmo.tenantId(), () -> {
            Long version = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, version, "Runbook", Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0))));
        });
    }

    private Long publish(Member pmo, Long templateId, TemplateContent content) {
        return fixtures.publishNextVersion(pmo, templateId, content);
    }

    /**
     * The runbook with its last {@code changes} forward steps removed (and out of every predecessor
     * list), as many new steps at the end of the first section, {@code renamed} steps renamed, and
     * the first {@code moved} steps of the second section moved to its end.
     */
    static TemplateContent improved(TemplateContent content, int changes, int renamed, int moved) {
        List<TemplateSection> sections = new ArrayList<>(content.sections());
        TemplateSection forwardLast = sections.get(sections.size() - 2);
        Set<UUID> removed = new HashSet<>();
        forwardLast.items().stream().skip(Math.max(0, forwardLast.items().size() - changes)).forEach(i -> removed.add(i.key()));
        int[] renamedSoFar = {0};
        List<TemplateSection> result = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            List<TemplateItem> items = new ArrayList<>();
            for (TemplateItem item : sections.get(s).items()) {
                if (removed.contains(item.key())) {
                    continue;
                }
                CutoverStep step = ((CutoverStep) item).withoutPredecessors(removed);
                if (renamedSoFar[0] < renamed && s > 0) {
                    renamedSoFar[0]++;
                    step = new CutoverStep(step.key(), step.title() + " (revised)", "Revised in version 2", step.type(), step.offsetMinutes(),
                            step.durationMinutes(), step.ownerRole(), step.predecessors(), step.rollbackTrigger(), step.rollbackInstructions(), true);
                }
                items.add(step);
            }
            if (s == 0) {
                for (int i = 0; i < changes; i++) {
                    items.add(new CutoverStep(UUID.randomUUID(), "New check " + (i + 1), null, StepType.TASK, -2900 + i, 10, "Role 1",
                            List.of(), null, null, false));
                }
            }
            if (s == 1 && items.size() > moved) {
                List<TemplateItem> front = new ArrayList<>(items.subList(0, moved));
                items = new ArrayList<>(items.subList(moved, items.size()));
                items.addAll(front);
            }
            result.add(new TemplateSection(sections.get(s).key(), sections.get(s).title(), sections.get(s).role(), items));
        }
        return new TemplateContent(content.kind(), result, content.retro());
    }

    private double median(java.util.concurrent.Callable<Double> timed) throws Exception {
        for (int i = 0; i < Math.min(2, RUNS); i++) {
            timed.call();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            times[i] = timed.call();
        }
        Arrays.sort(times);
        return times[RUNS / 2];
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
