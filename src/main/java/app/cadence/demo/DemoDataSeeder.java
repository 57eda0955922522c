package app.cadence.demo;

import app.cadence.project.domain.ProjectStatus;
import app.cadence.project.service.ProgramService;
import app.cadence.project.service.ProjectForm;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.ItemWork;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.project.service.ProjectService;
import app.cadence.template.service.TemplateViews.ApplicableTemplate;
import app.cadence.template.service.StarterLibrary;
import app.cadence.template.domain.SectionRole;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.PlatformOperators;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo organisations Acme Corp and Globex, their people and projects, when they are
 * absent. On by default on the embedded database; in MySQL mode only with CADENCE_DEMO_DATA=true.
 */
@Component
@ConditionalOnProperty(name = "cadence.demo-data", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

    static final String PASSWORD = "cadence-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final TenantProvisioning provisioning;
    private final TenantScope scope;
    private final ProjectService projects;
    private final StarterLibrary starterLibrary;
    private final ProgramService programs;
    private final Map<String, Long> programIds = new HashMap<>();
    private final Clock clock;
    private final InstanceApplication applying;
    private final InstanceReading reading;
    private final ItemWork itemWork;
    private final Map<String, Long> projectIds = new HashMap<>();

    DemoDataSeeder(TenantProvisioning provisioning, TenantScope scope, ProjectService projects, ProgramService programs,
                   InstanceApplication applying, InstanceReading reading, ItemWork itemWork, StarterLibrary starterLibrary, Clock clock) {
        this.applying = applying;
        this.reading = reading;
        this.itemWork = itemWork;
        this.programs = programs;
        this.starterLibrary = starterLibrary;
        this.provisioning = provisioning;
        this.scope = scope;
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedOperator();
        if (provisioning.tenantExists("acme")) {
            log.info("Demo data present. Demo accounts use the password '{}'.", PASSWORD);
            return;
        }
        Long acme = provisioning.createTenant("acme", "Acme Corp");
        Long globex = provisioning.createTenant("globex", "Globex");
        provisioning.changeTimeZone(acme, ZoneId.of("Europe/London"));
        provisioning.changeTimeZone(globex, ZoneId.of("America/New_York"));
        starterLibrary.installInto(acme);
        starterLibrary.installInto(globex);

        Long admin = user("admin@acme.example", "Amelia Hart");
        Long pmo = user("pmo@acme.example", "Priya Raman");
        Long pm = user("pm@acme.example", "Marcus Webb");
        Long dev = user("dev@acme.example", "Diego Alvarez");
        Long viewer = user("viewer@acme.example", "Valerie Chen");
        Long globexPm = user("pm@globex.example", "Greta Lindqvist");
        Long consultant = user("consultant@example.com", "Connor Blake");

        provisioning.addMember(acme, admin, Role.ADMIN);
        provisioning.addMember(acme, pmo, Role.PMO);
        provisioning.addMember(acme, pm, Role.PM);
        provisioning.addMember(acme, dev, Role.CONTRIBUTOR);
        provisioning.addMember(acme, viewer, Role.VIEWER);
        provisioning.addMember(acme, consultant, Role.PMO);
        provisioning.addMember(globex, globexPm, Role.PM);
        provisioning.addMember(globex, consultant, Role.PM);

        LocalDate today = LocalDate.now(clock);
        scope.run(pmo, acme, () -> {
            programIds.put("Finance transformation", programs.create("Finance transformation",
                    "Modernising finance systems and processes across the group."));
            programIds.put("Cloud first", programs.create("Cloud first", "Moving the application estate out of owned data centres."));
            project("ERP-01", "SAP S/4HANA finance migration", pm, ProjectStatus.ACTIVE, today.minusDays(218), today.plusDays(45),
                    "Move general ledger, AP/AR and fixed assets from ECC 6.0 to S/4HANA; cutover over a quarter-end weekend.");
            project("CLOUD-02", "Data centre exit to AWS", pm, ProjectStatus.ACTIVE, today.minusDays(122), today.plusDays(96),
                    "Re-host 140 workloads from the Leeds data centre to AWS eu-west-2 before the lease ends.");
            project("CRM-03", "Salesforce Sales Cloud rollout", pmo, ProjectStatus.ACTIVE, today.minusDays(61), today.plusDays(61),
                    "Replace the legacy Dynamics CRM for 300 sales staff in three waves (UK, DACH, Nordics).");
            project("HR-04", "Workday HCM implementation", null, ProjectStatus.PROPOSED, today.plusDays(61), today.plusDays(331),
                    "Business case approved in principle; awaiting steering committee funding decision.");
            project("WMS-05", "Warehouse management upgrade", pm, ProjectStatus.ON_HOLD, today.minusDays(157), today.plusDays(157),
                    "Paused until peak season ends; vendor patch for RF scanners outstanding.");
            project("INTRA-06", "Intranet relaunch", pmo, ProjectStatus.CLOSED, today.minusDays(366), today.minusDays(96),
                    "Delivered on SharePoint Online; post-implementation review complete.");
        });
        seedWork(acme, pm, dev);
        seedRuns(acme, pm, pmo, dev);
        seedRetros(acme, admin, pm, pmo, dev);
        // CRM-03's status reports are published by DemoComms, in turn with the weekly emails that carry them.
        scope.run(globexPm, globex, () -> {
            project("GLX-FIN", "Oracle Fusion Financials go-live", globexPm, ProjectStatus.ACTIVE, today.minusDays(183), today.plusDays(30),
                    "Financials and procurement for 12 legal entities; parallel run in the month before go-live.");
            project("GLX-AZ", "Azure landing zone and migration", consultant, ProjectStatus.ACTIVE, today.minusDays(96), today.plusDays(122),
                    "Landing zone, identity and network foundations, then migration of the customer portal.");
            project("GLX-CRM", "Dynamics 365 Customer Service", globexPm, ProjectStatus.PROPOSED, today.plusDays(35), today.plusDays(244),
                    "Consolidate three contact-centre tools into Dynamics 365.");
            project("GLX-ZT", "Zero-trust network access", null, ProjectStatus.ACTIVE, today.minusDays(35), today.plusDays(183),
                    "Replace VPN with identity-aware access for 4,000 staff.");
        });
        seedConsultantWork(acme, pm, globex, consultant);

        log.info("""
                Demo data created. Sign in at http://localhost:8080 with password '{}' as any of: {}""",
                PASSWORD, Map.of(
                        "admin@acme.example", "Acme ADMIN", "pmo@acme.example", "Acme PMO", "pm@acme.example", "Acme PM",
                        "dev@acme.example", "Acme CONTRIBUTOR", "viewer@acme.example", "Acme VIEWER",
                        "pm@globex.example", "Globex PM", "consultant@example.com", "Acme PMO + Globex PM",
                        OPERATOR, "platform operator"));
    }

    // --- platform operator (issue C5) -----------------------------------------------------------

    static final String OPERATOR = "operator@cadence.example";

    /**
     * The demo operator, member of no tenant. Flagged here rather than through cadence.operators,
     * so that the flag exists only where demo data does; run on every start, so databases seeded
     * before operators existed get one too.
     */
    private void seedOperator() {
        provisioning.createUser(OPERATOR, "Olive Operator", PASSWORD);
        operators.grant(OPERATOR);
    }

    @Autowired
    void setOperators(PlatformOperators operators) {
        this.operators = operators;
    }

    @SuppressWarnings("NullAway.Init")
    private PlatformOperators operators;

    // -------------------------------------------------------------------------------------------

    private static final Map<String, String> SPONSORS = Map.of(
            "ERP-01", "Helen Shaw, CFO", "CLOUD-02", "Raj Patel, CIO", "CRM-03", "Laura Kim, Sales Director",
            "GLX-FIN", "Tomas Berg, CFO", "GLX-AZ", "Ines Moreau, CTO");

    /** ERP work belongs to the finance programme, cloud work to the cloud programme (Acme only). */
    private @Nullable Long programFor(String key) {
        return switch (key) {
            case "ERP-01", "HR-04" -> programIds.get("Finance transformation");
            case "CLOUD-02", "WMS-05" -> programIds.get("Cloud first");
            default -> null;
        };
    }

    private Long user(String email, String name) {
        return provisioning.createUser(email, name, PASSWORD);
    }

    private Long project(String key, String name, @Nullable Long pm, ProjectStatus status, LocalDate start, LocalDate goLive,
                         String description) {
        ProjectForm form = new ProjectForm();
        form.setKey(key);
        form.setName(name);
        form.setPmUserId(pm);
        form.setStatus(status);
        form.setStartDate(start);
        form.setGoLiveDate(goLive);
        form.setDescription(description);
        form.setProgramId(programFor(key));
        form.setSponsor(SPONSORS.get(key));
        Long id = projects.create(form);
        projectIds.put(key, id);
        return id;
    }

    /**
     * Work in progress, so that health, progress and My work have something to show: a cutover
     * rehearsal on CLOUD-02 that ran two days ago with one step left over, and CRM-03's
     * communication plan with its past entries sent and the next ones assigned to Diego.
     */
    private void seedWork(Long acme, Long pm, Long dev) {
        ZoneId zone = ZoneId.of("Europe/London");
        LocalDate today = LocalDate.now(clock.withZone(zone));
        scope.run(pm, acme, () -> {
            Long rehearsal = applying.instantiate(new InstantiationRequest(projectIds.get("CLOUD-02"), template("Cloud migration cutover"),
                    latest("Cloud migration cutover"), "Cutover rehearsal 1", Anchors.at(today.minusDays(2).atTime(20, 0))));
            completePastItems(rehearsal, 1);
            LocalDate crmStart = today.minusDays(61);
            Long plan = applying.instantiate(new InstantiationRequest(projectIds.get("CRM-03"), template("Project communication plan"),
                    latest("Project communication plan"), "Communication plan", Anchors.plan(crmStart, today.plusDays(91), today.plusDays(61))));
            completePastItems(plan, 0);
            List<ItemRef> next = reading.details(plan).items().stream().filter(i -> i.status() == ItemStatus.OPEN).limit(3)
                    .map(i -> new ItemRef(i.id(), i.version())).toList();
            itemWork.bulkAssign(plan, next, dev);
        });
    }

    /**
     * The consultant's home (issue C13): Connor Blake has work in both organisations — at Globex
     * the cutover of GLX-AZ, which he manages, in ten days with its first steps his; at Acme two
     * steps of ERP-01's runbook nobody had taken.
     */
    private void seedConsultantWork(Long acme, Long acmePm, Long globex, Long consultant) {
        ZoneId newYork = ZoneId.of("America/New_York");
        LocalDate today = LocalDate.now(clock.withZone(newYork));
        scope.run(consultant, globex, () -> {
            Long cutover = applying.instantiate(new InstantiationRequest(projectIds.get("GLX-AZ"), template("Cloud migration cutover"),
                    latest("Cloud migration cutover"), "Portal migration cutover", Anchors.at(today.plusDays(10).atTime(20, 0))));
            List<ItemRef> first = reading.details(cutover).items().stream().filter(i -> i.status() == ItemStatus.OPEN).limit(4)
                    .map(i -> new ItemRef(i.id(), i.version())).toList();
            itemWork.bulkAssign(cutover, first, consultant);
        });
        scope.run(acmePm, acme, () -> {
            Long erp = reading.instancesOf(projectIds.get("ERP-01")).stream().filter(i -> i.name().equals("Go-live cutover runbook")).findFirst()
                    .orElseThrow().id();
            List<ItemRef> untaken = reading.details(erp).items().stream()
                    .filter(i -> i.status() == ItemStatus.OPEN && i.assigneeUserId() == null && i.dueAt() != null).limit(2)
                    .map(i -> new ItemRef(i.id(), i.version())).toList();
            itemWork.bulkAssign(erp, untaken, consultant);
        });
    }

    /**
     * Cutover runs (issue C7): CLOUD-02's rehearsal of two days ago, run to its end with two late
     * steps and a GO from two approvers; ERP-01's runbook with its go-live next Saturday and a
     * dress rehearsal under way now.
     */
    private void seedRuns(Long acme, Long pm, Long pmo, Long dev) {
        ZoneId zone = ZoneId.of("Europe/London");
        Long cloudRehearsal = scope.call(pm, acme, () -> reading.instancesOf(projectIds.get("CLOUD-02")).getFirst().id());
        demoRuns.finishedRehearsal(acme, pm, pmo, dev, cloudRehearsal, Map.of(
                "Final replication sync and promote the cloud database", Duration.ofMinutes(25),
                "Switch DNS to the cloud load balancer", Duration.ofMinutes(15)));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDateTime saturday = today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY)).atTime(18, 0);
        Long erpRunbook = scope.call(pm, acme, () -> applying.instantiate(new InstantiationRequest(projectIds.get("ERP-01"),
                template("ERP go-live cutover runbook"), latest("ERP go-live cutover runbook"), "Go-live cutover runbook",
                Anchors.at(saturday))));
        // The team has done the preparation already due (the runbook starts a week before T0).
        scope.run(pm, acme, () -> completePastItems(erpRunbook, 0));
        demoRuns.goLive(acme, pm, pmo, dev, erpRunbook, saturday.atZone(zone).toInstant());
        demoRuns.rehearsalUnderWay(acme, pm, pmo, dev, erpRunbook, clock.instant(), Duration.ofHours(30));
    }

    /**
     * Retrospectives (issue C8): CRM-03's sprint retrospective of three days ago, closed with two
     * open actions; ERP-01's, in its Reflect phase now, for anyone to join.
     */
    private void seedRetros(Long acme, Long admin, Long pm, Long pmo, Long dev) {
        ZoneId zone = ZoneId.of("Europe/London");
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String retro = "Sprint retrospective — Start / Stop / Continue";
        Long crmRetro = scope.call(pmo, acme, () -> applying.instantiate(new InstantiationRequest(projectIds.get("CRM-03"), template(retro),
                latest(retro), "Wave 1 retrospective", Anchors.at(today.minusDays(3).atTime(15, 0)))));
        demoRetros.finished(acme, pmo, new java.util.LinkedHashMap<>(Map.of("pm", pm, "pmo", pmo, "dev", dev, "admin", admin)), crmRetro, today);
        Long erpRetro = scope.call(pm, acme, () -> applying.instantiate(new InstantiationRequest(projectIds.get("ERP-01"), template(retro),
                latest(retro), "Sprint 12 retrospective", Anchors.at(today.atTime(16, 0)))));
        demoRetros.reflecting(acme, pm, List.of(dev, pmo), erpRetro);
    }

    @Autowired
    void setDemoRetros(DemoRetros demoRetros) {
        this.demoRetros = demoRetros;
    }

    @SuppressWarnings("NullAway.Init")
    private DemoRetros demoRetros;

    @Autowired
    void setDemoRuns(DemoRuns demoRuns) {
        this.demoRuns = demoRuns;
    }

    @SuppressWarnings("NullAway.Init")
    private DemoRuns demoRuns;

    /** Marks every item already due as done, with an evidence link where one is required, except the last {@code leftOver}. */
    private void completePastItems(Long instanceId, int leftOver) {
        // Rollback steps run only if rollback is invoked: a rehearsal that went well leaves them open.
        List<ItemView> due = reading.details(instanceId).items().stream()
                .filter(i -> i.sectionRole() != SectionRole.ROLLBACK)
                .filter(i -> i.dueAt() != null && i.dueAt().isBefore(clock.instant())).toList();
        for (ItemView item : due.subList(0, Math.max(0, due.size() - leftOver))) {
            itemWork.update(new ItemUpdate(item.id(), item.version(), ItemStatus.DONE, null, item.assigneeUserId(), item.dueAt(),
                    null, item.evidenceRequired() ? "https://intranet.acme.example/cutover/evidence/" + item.key() : null));
        }
    }

    private Long template(String name) {
        return applicable(name).id();
    }

    private Long latest(String name) {
        return applicable(name).latest().id();
    }

    private ApplicableTemplate applicable(String name) {
        return applying.applicableTemplates().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
