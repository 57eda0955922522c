package app.cadence.benchmark;

import app.cadence.home.service.AcrossOrganisations;
import app.cadence.home.service.OrganisationPart;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.TestClock;
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
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.ItemWork;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The consultant's home (issue C13: < 300 ms server time for 10 organisations × 200 outstanding
 * items, statements bounded per organisation): a consultant who is a PM in ten organisations, each
 * with a 200-step runbook whose every step is assigned to them, reads {@code AcrossOrganisations.parts()}
 * — each organisation entered with its membership check and read through its own services. In-process
 * (the service the page calls; no HTTP, no rendering of the grid, which Vaadin sends lazily);
 * the median of 15 reads after 5 warm-ups, and the Hibernate statements of one read (JdbcTemplate
 * statements, none on this path, are not counted). {@code bin/mvn test -Pbenchmark -Dtest=HomeBenchmark
 * [-Pmariadb]}; prints and writes target/benchmark-home.txt.
 */
@Tag("benchmark")
@IntegrationTest
class HomeBenchmark {

    static final int ORGANISATIONS = 10;
    static final int ITEMS = Integer.getInteger("cadence.bench.home.items", 200);

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired AcrossOrganisations home;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired TestClock clock;
    @Autowired EntityManagerFactory entityManagerFactory;

    @Test
    void measure() throws Exception {
        Member consultant = null;
        for (int o = 0; o < ORGANISATIONS; o++) {
            Tenant tenant = fixtures.tenant("Client " + o);
            Member pmo = fixtures.member(tenant, Role.PMO);
            Member me = consultant == null ? fixtures.member(tenant, Role.PM) : fixtures.join(consultant, tenant, Role.PM);
            consultant = consultant == null ? me : consultant;
            Long templateId = fixtures.publishedTemplate(pmo, "Runbook", runbook());
            Long projectId = fixtures.project(me, "C" + o + "-" + UUID.randomUUID().toString().substring(0, 4), "Client project " + o);
            scope.run(me.userId(), tenant.id(), () -> {
                Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
                Long instance = applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Cutover",
                        Anchors.at(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(3).withSecond(0).withNano(0))));
                List<ItemRef> refs = reading.details(instance).items().stream().map(i -> new ItemRef(i.id(), i.version())).toList();
                itemWork.bulkAssign(instance, refs, me.userId());
            });
        }
        Member me = consultant;
        List<OrganisationPart> parts = scope.call(me.userId(), me.tenantId(), home::parts);
        long rows = parts.stream().mapToLong(p -> p.rows().size()).sum();
        for (int i = 0; i < 5; i++) {
            scope.call(me.userId(), me.tenantId(), home::parts);
        }
        double[] times = new double[15];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            scope.call(me.userId(), me.tenantId(), home::parts);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        scope.call(me.userId(), me.tenantId(), home::parts);
        long statements = statistics.getPrepareStatementCount();
        statistics.setStatisticsEnabled(false);

        List<String> report = List.of(
                String.format(Locale.ROOT, "Home across %d organisations, %d outstanding items each (%,d rows on the page):", parts.size(), ITEMS, rows),
                String.format(Locale.ROOT, "  AcrossOrganisations.parts(): median %.1f ms (min %.1f, max %.1f) over %d reads, in-process", times[times.length / 2],
                        times[0], times[times.length - 1], times.length),
                String.format(Locale.ROOT, "  Hibernate statements of one read: %d (%.1f per organisation)", statements, statements / (double) parts.size()),
                "Target: < 300 ms server time (issue C13).");
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "benchmark-home.txt"), report);
    }

    private static TemplateContent runbook() {
        List<TemplateItem> steps = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            steps.add(new CutoverStep(UUID.randomUUID(), "Step " + (i + 1), null, StepType.TASK, -3000 + i * 10, 10, "Consultant", List.of(), null, null,
                    false));
        }
        return new TemplateContent(TemplateKind.CUTOVER, List.of(new TemplateSection(UUID.randomUUID(), "Cutover", SectionRole.EXECUTION, steps)), null);
    }
}
