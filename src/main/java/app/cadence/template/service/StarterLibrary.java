package app.cadence.template.service;

import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.NonWorkingDayRule;
import app.cadence.template.domain.MessageTemplate;
import app.cadence.template.domain.EntryTiming;
import java.util.Set;
import java.time.DayOfWeek;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.PlanAnchor;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.RetroSettings;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepRecurrence;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.tenancy.service.TenantScope;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.modulith.NamedInterface;

/**
 * The templates every new organisation starts with, written as an experienced PMO would. Each
 * is installed as published version 1; organisations edit or retire them like their own. Every
 * runbook is free of schedule warnings ({@link TemplateContent#scheduleWarnings()}): a newcomer's
 * first look at the designer should not be a list of timing clashes (StarterLibraryTest).
 */
@NamedInterface("api")
@Service
public class StarterLibrary {

    private static final String NOTE = "Starter library: Cadence's proven starting point. Adapt it to your organisation.";

    private final TemplateLibrary library;
    private final TenantScope scope;

    StarterLibrary(TemplateLibrary library, TenantScope scope) {
        this.library = library;
        this.scope = scope;
    }

    /** Whether the starter templates are in the tenant already: a second delivery of the same event adds nothing. */
    public boolean isInstalledIn(Long tenantId) {
        String first = starters().keySet().iterator().next();
        return scope.callAsSystem(tenantId, () -> library.nameInUse(first));
    }

    /** Installs the starter templates into a tenant, as the system; call it outside transactions. */
    public void installInto(Long tenantId) {
        scope.callAsSystem(tenantId, () -> {
            for (Map.Entry<String, Starter> starter : starters().entrySet()) {
                Long id = library.create(starter.getKey(), starter.getValue().description(), starter.getValue().content(), "Installed");
                library.publish(id, NOTE);
            }
            return null;
        });
    }

    record Starter(String description, TemplateContent content) {
    }

    /** The starter templates by name. */
    static Map<String, Starter> starters() {
        Map<String, Starter> all = new LinkedHashMap<>();
        all.put("ERP go-live cutover runbook", new Starter(
                "Weekend cutover from a legacy ERP to the new one: preparation, data migration, reconciliation, "
                        + "go/no-go checkpoints, rollback and two weeks of hypercare.", erpCutover()));
        all.put("Cloud migration cutover", new Starter(
                "Moving an application and its database to the cloud with a short outage window, DNS switch-over and rollback.",
                cloudCutover()));
        all.put("Sprint retrospective — Start / Stop / Continue", retro("Start / Stop / Continue", 3,
                "The classic: quick to run, good for teams new to retrospectives.",
                column("Start", "What should we start doing?"),
                column("Stop", "What should we stop doing?"),
                column("Continue", "What works well and should continue?"),
                rating("Sprint mood", "How did this sprint go for you?")));
        all.put("Sprint retrospective — 4Ls", retro("4Ls", 3,
                "Liked, Learned, Lacked, Longed for: balances feelings and facts.",
                column("Liked", "What did you enjoy?"),
                column("Learned", "What did you learn?"),
                column("Lacked", "What was missing or held us back?"),
                column("Longed for", "What do you wish we had?")));
        all.put("Sprint retrospective — Mad / Sad / Glad", retro("Mad / Sad / Glad", 3,
                "Surfaces how the team feels; useful after a hard sprint.",
                column("Mad", "What frustrated you?"),
                column("Sad", "What disappointed you?"),
                column("Glad", "What made you happy?")));
        all.put("Sprint retrospective — Sailboat", retro("Sailboat", 5,
                "A picture of the journey: what drives us, slows us, threatens us, and where we are heading.",
                column("Wind", "What pushes us forward?"),
                column("Anchors", "What slows us down?"),
                column("Rocks", "What risks lie ahead?"),
                column("Island", "What is our goal for the next sprints?")));
        all.put("Post-implementation review", retro("Post-implementation review", 5,
                "After go-live: did the project deliver what it promised, and what should the next project do differently?",
                column("What went well", "What should future projects repeat?"),
                column("What to improve", "What should future projects do differently?"),
                column("Benefits", "Which promised benefits are visible, and which are not yet?"),
                rating("Scope", "How well did we deliver the agreed scope?"),
                rating("Schedule", "How well did we keep to the plan and the go-live date?"),
                rating("Budget", "How well did we stay within budget?"),
                rating("Quality", "How good is what we delivered, judged by defects and user feedback?")));
        all.put("Project communication plan", new Starter(
                "Who hears what, when and how: status reporting, governance, go-live and hypercare communications.",
                communicationPlan()));
        return all;
    }

    private static TemplateContent erpCutover() {
        Steps s = new Steps();
        TemplateSection preparation = s.section("Preparation", SectionRole.PREPARATION,
                s.step("team", "Confirm cutover team, contact list and bridge line", StepType.TASK, "-7d", "1h", "Cutover manager", false),
                s.step("freeze", "Freeze configuration changes and transports", StepType.TASK, "-5d", "30m", "Release manager", false, "team"),
                s.step("rehearsal", "Sign off the final migration rehearsal", StepType.MILESTONE, "-4d", "0m", "Data migration lead", true),
                s.gate("gng1", "Go/no-go 1: readiness review (open defects, training, data quality)", "-3d", "1h", "Steering committee",
                        "Critical defects open, training below 90% or data quality below target.",
                        "Postpone the cutover; agree a new date with the steering committee.", "freeze", "rehearsal"),
                s.step("blackout", "Tell business users about the cutover blackout window", StepType.COMMUNICATION, "-2d 23h", "30m", "Change manager", false, "gng1"));
        TemplateSection execution = s.section("Execution", SectionRole.EXECUTION,
                s.step("stop", "Stop interfaces and batch jobs; close the legacy period", StepType.TASK, "-1d 4h", "2h", "Integration lead", false, "blackout"),
                s.step("backup", "Full backup of the legacy database", StepType.TASK, "-1d 2h", "2h", "Database administrator", true, "stop"),
                s.step("master", "Extract, transform and load master data", StepType.TASK, "-1d", "6h", "Data migration lead", false, "backup"),
                s.step("balances", "Load open items and balances", StepType.TASK, "-18h", "8h", "Data migration lead", false, "master"),
                s.step("reconcile", "Reconcile balances, legacy against new (trial balance)", StepType.TASK, "-8h", "4h", "Finance lead", true, "balances"),
                s.gate("gng2", "Go/no-go 2: migration and reconciliation sign-off", "-2h", "1h", "Steering committee",
                        "Reconciliation differences above tolerance, or a critical defect open.",
                        "Invoke the rollback section; the legacy system stays the system of record.", "reconcile"));
        TemplateSection validation = s.section("Validation", SectionRole.VALIDATION,
                s.step("smoke", "Business smoke tests: order-to-cash, procure-to-pay, record-to-report", StepType.TASK, "0m", "3h", "Key users", true, "gng2"),
                s.step("golive", "Open the system to all users: go-live", StepType.MILESTONE, "+3h", "0m", "Cutover manager", false, "smoke"),
                s.step("announce", "Go-live announcement to all users", StepType.COMMUNICATION, "+3h 30m", "30m", "Change manager", false, "golive"));
        TemplateSection rollback = s.section("Rollback", SectionRole.ROLLBACK,
                s.step("rb-decide", "Decide the rollback and inform the steering committee", StepType.GO_NO_GO, "0m", "30m", "Sponsor", false),
                s.step("rb-restore", "Restore the legacy database from the backup", StepType.TASK, "+30m", "4h", "Database administrator", true, "rb-decide", "backup"),
                s.step("rb-restart", "Restart legacy interfaces and batch jobs", StepType.TASK, "+4h 30m", "1h", "Integration lead", false, "rb-restore"),
                s.step("rb-tell", "Tell users the legacy system remains live", StepType.COMMUNICATION, "+5h 30m", "30m", "Change manager", false, "rb-restart"));
        TemplateSection hypercare = s.section("Hypercare", SectionRole.HYPERCARE,
                s.step("hc-standup", "Hypercare daily stand-up: incidents, data fixes, user questions", StepType.TASK, "+1d", "30m", "Cutover manager", false, "golive")
                        .withRecurrence(new StepRecurrence.DailyAt(LocalTime.of(9, 0), 14)),
                s.step("hc-close", "Support the first period-end close on the new system", StepType.TASK, "+7d", "2d", "Finance lead", false, "golive"),
                s.step("hc-exit", "Hypercare exit review and handover to support", StepType.MILESTONE, "+14d", "1h", "Project manager", true, "hc-close"));
        return new TemplateContent(TemplateKind.CUTOVER, List.of(preparation, execution, validation, rollback, hypercare), null);
    }

    private static TemplateContent cloudCutover() {
        Steps s = new Steps();
        TemplateSection preparation = s.section("Preparation", SectionRole.PREPARATION,
                s.step("dns-ttl", "Lower DNS TTLs for the application's records", StepType.TASK, "-2d", "30m", "Network engineer", false),
                s.step("replica", "Confirm database replication to the cloud is in sync", StepType.TASK, "-1d", "1h", "Database administrator", true),
                s.gate("gng", "Go/no-go: replication lag, landing zone checks, rollback plan rehearsed", "-2h", "30m", "Change advisory board",
                        "Replication lag above 5 minutes or a failed landing-zone check.",
                        "Cancel the window; keep running on-premises.", "dns-ttl", "replica"),
                s.step("notice", "Announce the outage window to users and service desk", StepType.COMMUNICATION, "-1h", "15m", "Service manager", false, "gng"));
        TemplateSection execution = s.section("Execution", SectionRole.EXECUTION,
                s.step("maint", "Put the application into maintenance mode", StepType.TASK, "0m", "10m", "Application owner", false, "notice"),
                s.step("final-sync", "Final replication sync and promote the cloud database", StepType.TASK, "+10m", "30m", "Database administrator", true, "maint"),
                s.step("switch", "Switch DNS to the cloud load balancer", StepType.TASK, "+40m", "10m", "Network engineer", false, "final-sync"));
        TemplateSection validation = s.section("Validation", SectionRole.VALIDATION,
                s.step("checks", "Health checks, synthetic transactions and log review", StepType.TASK, "+50m", "30m", "Site reliability engineer", true, "switch"),
                s.step("live", "Leave maintenance mode: service live in the cloud", StepType.MILESTONE, "+1h 20m", "0m", "Application owner", false, "checks"));
        TemplateSection rollback = s.section("Rollback", SectionRole.ROLLBACK,
                s.step("rb-dns", "Point DNS back to the on-premises load balancer", StepType.TASK, "+1h 20m", "10m", "Network engineer", false),
                s.step("rb-db", "Make the on-premises database primary again", StepType.TASK, "+1h 30m", "30m", "Database administrator", true, "rb-dns"));
        TemplateSection hypercare = s.section("Hypercare", SectionRole.HYPERCARE,
                s.step("hc-watch", "Watch costs, performance and errors daily", StepType.TASK, "+1d", "30m", "Site reliability engineer", false, "live")
                        .withRecurrence(new StepRecurrence.DailyAt(LocalTime.of(9, 0), 30)),
                s.step("hc-decom", "Decommission on-premises servers after the agreed period", StepType.MILESTONE, "+30d", "1d", "Infrastructure lead", true, "hc-watch"));
        return new TemplateContent(TemplateKind.CUTOVER, List.of(preparation, execution, validation, rollback, hypercare), null);
    }

    private static TemplateContent communicationPlan() {
        List<TemplateItem> governance = List.of(
                entry("Weekly status report", "Project board and key stakeholders", "Progress, RAG status, risks, issues and decisions needed",
                        "Status report", "Email", Cadence.WEEKLY, "Project manager", PlanAnchor.PLAN_START, 4)
                        .timed(new EntryTiming(LocalTime.of(15, 0), Set.of(DayOfWeek.FRIDAY), 1, 0, 0, null, List.of(), NonWorkingDayRule.PREVIOUS_WORKING_DAY))
                        .sending(new MessageTemplate("{{project.name}} — status report", """
                                Hello,

                                This week's status report for **{{project.name}}** is published: {{report.latest}}

                                Health: **{{health}}** — {{health.reason}}

                                Regards,
                                {{project.manager}}
                                """), true),
                entry("Steering committee", "Steering committee", "Decisions, escalations, budget and milestone approval",
                        "Steering committee pack and minutes", "Meeting", Cadence.WEEKLY, "Project manager", PlanAnchor.PLAN_START, 14)
                        .timed(new EntryTiming(LocalTime.of(10, 0), Set.of(DayOfWeek.TUESDAY), 2, 0, 0, null, List.of(), NonWorkingDayRule.NEXT_WORKING_DAY))
                        .sending(new MessageTemplate("{{project.name}} steering committee — {{occurrence.date}}", """
                                Agenda for the steering committee of {{occurrence.date}}.

                                **Health:** {{health}} — {{health.reason}}

                                **Milestones in the next 30 days**

                                {{milestones.next30}}

                                **Blocked, needing a decision**

                                {{items.blocked}}
                                """), false),
                entry("Executive dashboard", "Executive leadership", "Portfolio-level health, benefits and key risks",
                        "Executive dashboard", "Intranet", Cadence.MONTHLY, "PMO", PlanAnchor.PLAN_START, 0)
                        .timed(new EntryTiming(LocalTime.of(9, 0), Set.of(), 1, 0, 1, DayOfWeek.MONDAY, List.of(), NonWorkingDayRule.NEXT_WORKING_DAY)),
                entry("Quarterly business review", "Sponsor and business owners", "Benefits, budget and the plan for the next quarter",
                        "Business review pack", "Meeting", Cadence.QUARTERLY, "Project manager", PlanAnchor.PLAN_START, 0)
                        .timed(new EntryTiming(LocalTime.of(14, 0), Set.of(), 1, 0, -1, DayOfWeek.THURSDAY, List.of(), NonWorkingDayRule.PREVIOUS_WORKING_DAY)),
                entry("Milestone update", "All affected staff", "What has been achieved and what comes next",
                        "Milestone update", "Teams / Slack", Cadence.AT_MILESTONE, "Change manager", PlanAnchor.GO_LIVE, 0)
                        .timed(new EntryTiming(LocalTime.of(11, 0), Set.of(), 1, 0, 0, null, List.of(-10, 1), NonWorkingDayRule.PREVIOUS_WORKING_DAY)));
        List<TemplateItem> goLive = List.of(
                entry("Go-live notice", "All users", "What changes, when, where to get help",
                        "Go-live notice", "Email", Cadence.ONCE, "Change manager", PlanAnchor.GO_LIVE, -5)
                        .sending(new MessageTemplate("{{project.name}} goes live on {{project.goLive}}", """
                                Hello,

                                **{{project.name}}** goes live on {{project.goLive}}.

                                Where to get help: the service desk, and the floor-walkers in your building during the first week.
                                """), false),
                entry("Hypercare daily stand-up", "Project team, support and key users", "Incidents, fixes and user feedback after go-live",
                        "Stand-up notes", "Meeting", Cadence.DAILY, "Project manager", PlanAnchor.GO_LIVE, 1)
                        .timed(new EntryTiming(LocalTime.of(9, 15), Set.of(), 1, 0, 0, null, List.of(), NonWorkingDayRule.KEEP)));
        return new TemplateContent(TemplateKind.COMMUNICATION_PLAN, List.of(
                new TemplateSection(UUID.randomUUID(), "Governance and status", null, governance),
                new TemplateSection(UUID.randomUUID(), "Go-live and hypercare", null, goLive)), null);
    }

    private static Starter retro(String format, int votes, String description, RetroPrompt... prompts) {
        List<TemplateItem> columns = Arrays.stream(prompts).filter(p -> !p.rating()).map(TemplateItem.class::cast).toList();
        List<TemplateItem> ratings = Arrays.stream(prompts).filter(RetroPrompt::rating).map(TemplateItem.class::cast).toList();
        List<TemplateSection> sections = new ArrayList<>();
        sections.add(new TemplateSection(UUID.randomUUID(), "Board", null, columns));
        if (!ratings.isEmpty()) {
            sections.add(new TemplateSection(UUID.randomUUID(), "Ratings (1–5)", null, ratings));
        }
        return new Starter(description, new TemplateContent(TemplateKind.RETROSPECTIVE, sections,
                new RetroSettings(format, votes, true)));
    }

    private static RetroPrompt column(String title, String prompt) {
        return new RetroPrompt(UUID.randomUUID(), title, prompt, false);
    }

    private static RetroPrompt rating(String title, String question) {
        return new RetroPrompt(UUID.randomUUID(), title, question, true);
    }

    private static CommunicationEntry entry(String title, String audience, String purpose, String artefact, String channel,
                                            Cadence cadence, String owner, PlanAnchor anchor, int offsetDays) {
        return new CommunicationEntry(UUID.randomUUID(), title, audience, purpose, artefact, channel, cadence, owner, anchor, offsetDays);
    }

    /** Builds runbook steps that refer to each other by short local names. */
    private static final class Steps {
        private final Map<String, UUID> keys = new LinkedHashMap<>();

        TemplateSection section(String title, SectionRole role, CutoverStep... steps) {
            return new TemplateSection(UUID.randomUUID(), title, role, List.of(steps));
        }

        CutoverStep step(String name, String title, StepType type, String offset, String duration, String owner,
                         boolean evidence, String... predecessors) {
            return build(name, title, type, offset, duration, owner, evidence, null, null, predecessors);
        }

        CutoverStep gate(String name, String title, String offset, String duration, String owner,
                         String rollbackTrigger, String rollbackInstructions, String... predecessors) {
            return build(name, title, StepType.GO_NO_GO, offset, duration, owner, true, rollbackTrigger, rollbackInstructions, predecessors);
        }

        private CutoverStep build(String name, String title, StepType type, String offset, String duration, String owner,
                                  boolean evidence, @Nullable String trigger, @Nullable String instructions, String... predecessors) {
            UUID key = keys.computeIfAbsent(name, n -> UUID.randomUUID());
            List<UUID> before = Arrays.stream(predecessors).map(p -> {
                UUID k = keys.get(p);
                if (k == null) {
                    throw new IllegalStateException("Unknown predecessor " + p);
                }
                return k;
            }).toList();
            return new CutoverStep(key, title, null, type, RelativeTime.parseOffset(offset), RelativeTime.parseDuration(duration),
                    owner, before, trigger, instructions, evidence);
        }
    }
}
