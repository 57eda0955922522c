package app.cadence.benchmark;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.service.PortfolioExport;
import app.cadence.portfolio.service.PortfolioService;
import app.cadence.work.domain.Anchors;
import app.cadence.project.domain.Health;
import app.cadence.work.domain.ProjectRollups;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.project.service.ProjectService;
import app.cadence.support.IntegrationTest;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.service.StarterLibrary;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import jakarta.persistence.EntityManagerFactory;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the portfolio on a generated tenant and prints the figures with their floors (see
 * docs/performance.md). Not a test of speed: it asserts nothing about time; it fails only if
 * it cannot run. {@code bin/mvn test -Pbenchmark [-Dcadence.bench.projects=1000]}, add
 * {@code -Pmariadb} (with the CADENCE_DB_* variables) for MariaDB.
 */
@Tag("benchmark")
@IntegrationTest
class PortfolioBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = Integer.getInteger("cadence.bench.runs", 20);

    @Autowired JdbcTemplate jdbc;
    @Autowired TenantProvisioning provisioning;
    @Autowired TenantScope scope;
    @Autowired StarterLibrary starters;
    @Autowired TemplateLibrary templates;
    @Autowired PortfolioService portfolio;
    @Autowired app.cadence.work.service.WorkStatistics workStatistics;
    @Autowired PortfolioExport export;
    @Autowired ProjectService projects;
    @Autowired ProjectHealthService health;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired Clock clock;
    @Autowired ProjectRollups rollups;
    @Autowired TransactionTemplate transaction;
    @Autowired EntityManagerFactory entityManagerFactory;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        PortfolioDataGenerator.Size size = PortfolioDataGenerator.Size.fromSystemProperties();
        long started = System.nanoTime();
        PortfolioDataGenerator.Generated data = new PortfolioDataGenerator(jdbc, provisioning, scope, starters, templates, rollups, transaction)
                .generate("bench-" + UUID.randomUUID().toString().substring(0, 8), size, 42, clock.instant());
        line("Data: %d projects, %d instances, %d items; generated in %.1f s on %s", data.projectIds().size(), size.instances(),
                data.items(), (System.nanoTime() - started) / 1e9, database());
        Long tenant = data.tenantId();
        Long pmo = data.pmoUserId();

        // Portfolio first page: rows, count, tiles (with go-lives by month), templates in use, overdue trend.
        java.util.function.Supplier<Object> firstPage = () -> {
            portfolio.rows(PortfolioFilter.none(), Sort.unsorted(), 0, 50);
            portfolio.count(PortfolioFilter.none());
            return portfolio.tiles();
        };
        double page = median(() -> scope.call(pmo, tenant, firstPage));
        // Counted inside the tenant scope, as a signed-in user's request would run.
        long statements = scope.call(pmo, tenant, () -> statements(firstPage::get));
        double rowsOnly = median(() -> scope.call(pmo, tenant, () -> portfolio.rows(PortfolioFilter.none(), Sort.unsorted(), 0, 50)));
        java.sql.Timestamp at = java.sql.Timestamp.from(clock.instant());
        // The go-live window of health with the default thresholds (the generated tenant keeps them), as the page binds it.
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        java.sql.Date goLiveFrom = java.sql.Date.valueOf(today);
        java.sql.Date goLiveTo = java.sql.Date.valueOf(today.plusDays(14));
        double floor = median(() -> jdbc.queryForList(FLOOR_SQL, goLiveFrom, goLiveTo, at, at, at, tenant, tenant, tenant));
        double onRead = median(() -> jdbc.queryForList(ON_READ_SQL, at, tenant, tenant));
        Instant hour = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        List<Instant> weekEnds = new ArrayList<>();
        for (int w = PortfolioService.WEEKS - 1; w >= 1; w--) {
            weekEnds.add(hour.minus(java.time.Duration.ofDays(7L * w)));
        }
        double trend = median(() -> scope.call(pmo, tenant, () -> workStatistics.overdueAt(weekEnds)));
        line("Portfolio first page (rows+count+tiles+templates, trend's past weeks cached): %.1f ms, %d SQL statements", page, statements);
        line("  of which the rows statement: %.1f ms; floor (same roll-up, one hand-written statement, plain JDBC): %.1f ms; ratio %.2f",
                rowsOnly, floor, rowsOnly / floor);
        line("  first page / floor: %.2f", page / floor);
        line("  the trend's past 11 weeks, read once an hour per tenant (+1 statement): %.1f ms, so a first page on a cold cache: %.1f ms",
                trend, page + trend);
        line("  for comparison, aggregating every item on read (the design before project_rollup), plain JDBC: %.1f ms", onRead);

        PortfolioFilter red = new PortfolioFilter(null, null, null, Health.RED, false, "");
        double filtered = median(() -> scope.call(pmo, tenant, () -> {
            portfolio.rows(red, Sort.by(Sort.Order.desc("overdue")), 0, 50);
            return portfolio.count(red);
        }));
        line("Filtered (red) and sorted (overdue desc) page with its count: %.1f ms", filtered);

        Long busiest = jdbc.queryForObject("select project_id from instance_item where tenant_id = ? group by project_id order by count(*) desc limit 1",
                Long.class, tenant);
        double projectPage = median(() -> scope.call(pmo, tenant, () -> {
            projects.load(busiest);
            health.health(busiest);
            return reading.instancesOf(busiest);
        }));
        line("Project page data (project, health, instances with progress) for the busiest project: %.1f ms", projectPage);

        Long runbook = scope.call(pmo, tenant, () -> {
            Long id = templates.create("Benchmark runbook " + UUID.randomUUID(), null, runbook(200), "Benchmark");
            templates.publish(id, "Benchmark");
            return id;
        });
        Long version = scope.call(pmo, tenant, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(runbook))
                .findFirst().orElseThrow().latest().id());
        double instantiate = median(5, () -> scope.call(pmo, tenant, () -> applying.instantiate(new InstantiationRequest(
                busiest, runbook, version, "Bench " + UUID.randomUUID(), Anchors.at(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30))))));
        line("Instantiation of a 200-step runbook: %.1f ms", instantiate);

        Callable<Object> xlsx = () -> scope.call(pmo, tenant, () -> {
            export.writeXlsx(PortfolioFilter.none(), Sort.unsorted(), OutputStream.nullOutputStream());
            return null;
        });
        xlsx.call(); // the first export loads POI's classes
        System.gc();
        resetPeaks();
        long before = usedHeap();
        double exportMs = median(3, xlsx);
        line("XLSX export of %d projects: %.0f ms; peak heap %.1f MB (heap in use before: %.1f MB)", data.projectIds().size(),
                exportMs, peakHeap() / 1e6, before / 1e6);
        line("Live heap per idle UI session: measured by SessionHeapBenchmark (target/benchmark-session-heap.txt).");

        Path out = Path.of("target", "benchmark-portfolio.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /**
     * The floor: the first page's rows, the same columns, as one statement a person would write
     * by hand over the same tables — the stored counts per project, the counts as of now, the
     * program and PM names, the first blocked critical step, the 50 most urgent — over plain JDBC.
     */
    private static final String FLOOR_SQL = """
            select p.id, p.project_key, p.name, p.status, prog.name as program, pm.display_name as pm,
                   p.start_date, p.go_live_date, p.close_date, p.health_override, p.health_override_reason,
                   ru.items, ru.blocked, ru.blocked_critical, coalesce(t.overdue, 0) as overdue,
                   ru.cut_items, ru.cut_done, ru.com_items, ru.com_done, ru.ret_items, ru.ret_done,
                   greatest(p.updated_at, coalesce(ru.last_item_update, p.updated_at)) as last_update,
                   case when ru.blocked_critical > 0 then (select b.title from instance_item b use index (ix_item_tenant_project_status)
                         where b.tenant_id = p.tenant_id and b.project_id = p.id and b.status = 'BLOCKED' and b.critical_path = true
                         order by b.due_at, b.id limit 1) end as first_blocked,
                   case when p.health_override is not null then 0
                        when p.status <> 'ACTIVE' then 3
                        when ru.blocked_critical > 0 or coalesce(t.overdue, 0) * 100 > (ru.done_dated - coalesce(t.done_later, 0) + coalesce(t.due, 0)) * 10 then 0
                        when coalesce(t.overdue, 0) > 0 or ru.blocked > 0 or (ru.cut_items = 0 and p.go_live_date between ? and ?) then 1
                        when ru.items = 0 then 3 else 2 end as urgency
              from project p
              join project_rollup ru on ru.tenant_id = p.tenant_id and ru.project_id = p.id
              left join program prog on prog.tenant_id = p.tenant_id and prog.id = p.program_id
              left join user_account pm on pm.id = p.pm_user_id
              left join (select it.project_id,
                                sum(case when it.status <> 'DONE' and it.due_at < ? then 1 else 0 end) as overdue,
                                sum(case when it.status <> 'DONE' then 1 else 0 end) as due,
                                sum(case when it.status = 'DONE' then 1 else 0 end) as done_later
                           from instance_item it
                          where ((it.status in ('OPEN', 'IN_PROGRESS', 'BLOCKED') and it.due_at <= ?) or (it.status = 'DONE' and it.due_at > ?))
                            and it.tenant_id = ?
                          group by it.project_id) t on t.project_id = p.id
             where p.tenant_id = ? and ru.tenant_id = ?
             order by urgency, p.project_key
             limit 50""";

    /** What the page cost before the stored roll-up: every item of the tenant aggregated on each request. */
    private static final String ON_READ_SQL = """
            select p.id, p.project_key, p.name, a.items, a.done, a.overdue, a.blocked
              from project p
              left join (select it.project_id, count(*) as items,
                                sum(case when it.status = 'DONE' then 1 else 0 end) as done,
                                sum(case when it.due_at < ? and it.status in ('OPEN', 'IN_PROGRESS', 'BLOCKED') then 1 else 0 end) as overdue,
                                sum(case when it.status = 'BLOCKED' then 1 else 0 end) as blocked
                           from instance_item it
                          where it.tenant_id = ? and it.status <> 'NOT_APPLICABLE'
                          group by it.project_id) a on a.project_id = p.id
             where p.tenant_id = ?
             order by case when a.overdue * 100 > a.items * 10 then 0 when a.overdue > 0 or a.blocked > 0 then 1 else 2 end, p.project_key
             limit 50""";

    private static TemplateContent runbook(int steps) {
        List<TemplateItem> items = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            items.add(new CutoverStep(UUID.randomUUID(), "Step " + i, null, StepType.TASK, -steps * 10 + i * 10, 10, "Team", List.of(), null, null, false));
        }
        return new TemplateContent(TemplateKind.CUTOVER, List.of(new TemplateSection(UUID.randomUUID(), "Execution", SectionRole.EXECUTION, items)), null);
    }

    private double median(Callable<?> action) throws Exception {
        return median(RUNS, action);
    }

    private static double median(int runs, Callable<?> action) throws Exception {
        for (int i = 0; i < Math.min(WARM_UP, runs); i++) {
            action.call();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.call();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
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

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[benchmark] " + text);
    }
}
