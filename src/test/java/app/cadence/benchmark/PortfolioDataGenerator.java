package app.cadence.benchmark;

import app.cadence.work.domain.ProjectRollups;
import app.cadence.template.service.StarterLibrary;
import app.cadence.template.service.TemplateViews.ApplicableTemplate;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a new tenant with a large, realistic portfolio through batched JDBC inserts (the
 * services would record an audit entry per item and take far longer): N projects in a few
 * programs with a handful of PMs, instances of the starter templates, and items whose due dates
 * spread around today with statuses as real projects have them — mostly done in the past, some
 * overdue, a few blocked, some not applicable. Deterministic for a given seed.
 */
class PortfolioDataGenerator {

    record Size(int projects, int instances, int items) {
        static Size fromSystemProperties() {
            int projects = Integer.getInteger("cadence.bench.projects", 1_000);
            return new Size(projects, Integer.getInteger("cadence.bench.instances", projects * 3),
                    Integer.getInteger("cadence.bench.items", projects * 150));
        }
    }

    record Generated(Long tenantId, Long pmoUserId, Long pmUserId, List<Long> projectIds, long items) {
    }

    private static final String[] PROGRAMS = {"Finance transformation", "Cloud first", "Customer experience", "Supply chain", "People"};
    private static final String[] SYSTEMS = {"SAP S/4HANA", "Salesforce", "Workday", "ServiceNow", "AWS landing zone", "Data platform",
            "Dynamics 365", "Oracle Fusion", "Intranet", "Warehouse system"};
    private static final String[] ACTIONS = {"Confirm", "Migrate", "Validate", "Reconcile", "Communicate", "Freeze", "Test", "Sign off",
            "Back up", "Switch"};

    /** Items per JDBC batch (and per transaction). */
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final TenantProvisioning provisioning;
    private final TenantScope scope;
    private final StarterLibrary starters;
    private final TemplateLibrary templates;
    private final ProjectRollups rollups;
    private final TransactionTemplate transaction;

    PortfolioDataGenerator(JdbcTemplate jdbc, TenantProvisioning provisioning, TenantScope scope, StarterLibrary starters,
                           TemplateLibrary templates, ProjectRollups rollups, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.transaction = transaction;
        this.provisioning = provisioning;
        this.scope = scope;
        this.starters = starters;
        this.templates = templates;
    }

    /**
     * The tenant {@code slug} if an earlier run generated it completely (its roll-up rows are the
     * last thing written), so that measuring at 10,000 projects need not regenerate 1.5 million
     * items each time; empty otherwise. The test clock is fixed, so the data stays as "now" sees it.
     */
    java.util.Optional<Generated> existing(String slug) {
        List<Long> tenants = jdbc.queryForList("select id from tenant where slug = ?", Long.class, slug);
        if (tenants.isEmpty()) {
            return java.util.Optional.empty();
        }
        Long tenantId = tenants.getFirst();
        List<Long> projectIds = jdbc.queryForList("select id from project where tenant_id = ? order by id", Long.class, tenantId);
        Long rollups = jdbc.queryForObject("select count(*) from project_rollup where tenant_id = ?", Long.class, tenantId);
        if (projectIds.isEmpty() || rollups == null || rollups != projectIds.size()) {
            throw new IllegalStateException("Tenant " + slug + " exists but was not generated completely: drop it or use another size");
        }
        Long pmo = jdbc.queryForObject("select id from user_account where email = ?", Long.class, "pmo@" + slug + ".example");
        Long pm = jdbc.queryForObject("select id from user_account where email = ?", Long.class, "pm0@" + slug + ".example");
        Long items = jdbc.queryForObject("select count(*) from instance_item where tenant_id = ?", Long.class, tenantId);
        return java.util.Optional.of(new Generated(tenantId, pmo, pm, projectIds, items == null ? 0 : items));
    }

    Generated generate(String slug, Size size, long seed, Instant now) {
        Random random = new Random(seed);
        Long tenantId = provisioning.createTenant(slug, "Benchmark " + slug);
        Long pmo = provisioning.createUser("pmo@" + slug + ".example", "Bench PMO", "benchmark-password");
        provisioning.addMember(tenantId, pmo, Role.PMO);
        List<Long> pms = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Long pm = provisioning.createUser("pm" + i + "@" + slug + ".example", "Bench PM " + i, "benchmark-password");
            provisioning.addMember(tenantId, pm, Role.PM);
            pms.add(pm);
        }
        starters.installInto(tenantId);
        List<ApplicableTemplate> applicable = scope.call(pmo, tenantId, templates::applicable);

        Timestamp at = Timestamp.from(now);
        List<Long> programIds = new ArrayList<>();
        for (String program : PROGRAMS) {
            jdbc.update("insert into program (tenant_id, name, created_at, created_by, updated_at, updated_by, version) values (?, ?, ?, 'generator', ?, 'generator', 0)",
                    tenantId, program, at, at);
        }
        programIds.addAll(jdbc.queryForList("select id from program where tenant_id = ? order by id", Long.class, tenantId));

        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Object[]> projectRows = new ArrayList<>();
        String[] statuses = {"ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "PROPOSED", "ON_HOLD", "CLOSED"};
        for (int p = 0; p < size.projects(); p++) {
            LocalDate start = today.minusDays(random.nextInt(400));
            LocalDate goLive = start.plusDays(60 + random.nextInt(400));
            projectRows.add(new Object[] {tenantId, String.format("P-%05d", p), SYSTEMS[random.nextInt(SYSTEMS.length)] + " rollout " + p,
                    pms.get(random.nextInt(pms.size())), statuses[random.nextInt(statuses.length)], java.sql.Date.valueOf(start),
                    java.sql.Date.valueOf(goLive), programIds.get(random.nextInt(programIds.size())), at, at});
        }
        jdbc.batchUpdate("""
                insert into project (tenant_id, project_key, name, pm_user_id, status, start_date, go_live_date, program_id,
                                     created_at, created_by, updated_at, updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'generator', ?, 'generator', 0)""", projectRows);
        List<Long> projectIds = jdbc.queryForList("select id from project where tenant_id = ? order by id", Long.class, tenantId);

        // Instances: spread evenly over the projects, each of a starter template's latest version. A
        // project's instances are consecutive, and so are an instance's items below, so that the
        // inserts append to the (tenant, project, …) and (tenant, instance, …) indexes instead of
        // touching pages all over them: at 1.5 million items they outgrow MariaDB's default buffer pool.
        Map<String, String> kinds = applicable.stream().collect(Collectors.toMap(t -> t.name(), t -> t.kind().name()));
        List<Object[]> instanceRows = new ArrayList<>();
        for (int i = 0; i < size.instances(); i++) {
            ApplicableTemplate template = applicable.get(random.nextInt(applicable.size()));
            Instant anchor = now.plus(random.nextInt(240) - 120, ChronoUnit.DAYS);
            instanceRows.add(new Object[] {tenantId, projectIds.get((int) ((long) i * projectIds.size() / size.instances())), template.id(), template.latest().id(),
                    template.name(), template.latest().number(), kinds.get(template.name()), template.name() + " " + i,
                    Timestamp.from(anchor), at, at});
        }
        jdbc.batchUpdate("""
                insert into project_instance (tenant_id, project_id, template_id, template_version_id, template_name, version_number,
                                              kind, name, anchor_at, time_zone, created_at, created_by, updated_at, updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'UTC', ?, 'generator', ?, 'generator', 0)""", instanceRows);
        List<Map<String, Object>> instances = jdbc.queryForList(
                "select id, project_id, kind from project_instance where tenant_id = ? order by id", tenantId);

        long written = 0;
        List<Object[]> batch = new ArrayList<>();
        for (int n = 0; n < size.items(); n++) {
            // The items of instance i are consecutive: n * instances / items is non-decreasing in n.
            Map<String, Object> instance = instances.get((int) ((long) n * instances.size() / size.items()));
            boolean cutover = "CUTOVER".equals(instance.get("kind"));
            Instant due = now.plus(random.nextInt(120 * 24) - 60 * 24, ChronoUnit.HOURS);
            String status = status(random, due.isBefore(now));
            Timestamp completed = "DONE".equals(status) ? Timestamp.from(due.minus(random.nextInt(48), ChronoUnit.HOURS)) : null;
            batch.add(new Object[] {tenantId, ((Number) instance.get("id")).longValue(), ((Number) instance.get("project_id")).longValue(),
                    instance.get("kind"), UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Section " + (n % 5), n % 5, n,
                    ACTIONS[random.nextInt(ACTIONS.length)] + " step " + n, cutover && random.nextInt(5) == 0, status,
                    Timestamp.from(due), completed, completed == null ? null : "generator",
                    "BLOCKED".equals(status) ? "Waiting for the vendor" : null, at, at});
            if (batch.size() == BATCH) {
                written += insertItems(batch);
            }
        }
        written += insertItems(batch);
        // The inserts bypassed the services, so the projects' roll-up rows are counted afterwards.
        transaction.executeWithoutResult(status -> rollups.rebuild(tenantId));
        // Statistics as a running database has them. InnoDB recomputes them in the background after
        // a bulk change; measured in that gap, the optimizer plans for empty tables.
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("H2".equals(product)) {
            jdbc.execute("analyze");
        } else {
            jdbc.queryForList("analyze table project, project_instance, instance_item, project_rollup");
        }
        return new Generated(tenantId, pmo, pms.getFirst(), projectIds, written);
    }

    private int insertItems(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        // Each batch is one transaction (autocommit), so nothing of the generation is held in memory
        // or in the undo log beyond one batch; with rewriteBatchedStatements=true MySQL's driver
        // sends it as multi-row inserts.
        jdbc.batchUpdate("""
                insert into instance_item (tenant_id, instance_id, project_id, instance_kind, item_key, section_key, section_title, section_position,
                                           position, title, critical_path, status, due_at, completed_at, completed_by, blocked_reason,
                                           evidence_required, created_at, created_by, updated_at, updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, 'generator', ?, 'generator', 0)""", batch);
        int size = batch.size();
        batch.clear();
        return size;
    }

    /** Past items are mostly done; future ones mostly open. */
    private static String status(Random random, boolean past) {
        int roll = random.nextInt(100);
        if (past) {
            return roll < 85 ? "DONE" : roll < 93 ? "OPEN" : roll < 95 ? "BLOCKED" : "NOT_APPLICABLE";
        }
        return roll < 10 ? "DONE" : roll < 15 ? "IN_PROGRESS" : roll < 17 ? "BLOCKED" : roll < 20 ? "NOT_APPLICABLE" : "OPEN";
    }
}
