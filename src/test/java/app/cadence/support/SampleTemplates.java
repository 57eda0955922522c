package app.cadence.support;

import java.util.Set;
import java.time.DayOfWeek;
import app.cadence.template.domain.PlanAnchor;
import app.cadence.template.domain.NonWorkingDayRule;
import app.cadence.template.domain.MessageTemplate;
import app.cadence.template.domain.EntryTiming;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.RetroSettings;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepRecurrence;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Small templates whose plans the tests compute by hand. */
public final class SampleTemplates {

    private SampleTemplates() {
    }

    /**
     * A four-step runbook. Due (finish) times from T0: extract T-4h, load T-1h, sign-off T0
     * (evidence required), restore T+5h. The critical path is extract → load → sign-off; the
     * restore step is in the rollback section, so off it.
     */
    public static TemplateContent runbook() {
        CutoverStep extract = new CutoverStep(UUID.randomUUID(), "Extract legacy data", null, StepType.TASK, -360, 120, "Data lead",
                List.of(), null, null, false);
        CutoverStep load = new CutoverStep(UUID.randomUUID(), "Load data", null, StepType.TASK, -240, 180, "Data lead",
                List.of(extract.key()), null, null, false);
        CutoverStep signOff = new CutoverStep(UUID.randomUUID(), "Business sign-off", null, StepType.MILESTONE, -60, 60, "Sponsor",
                List.of(load.key()), null, null, true);
        CutoverStep restore = new CutoverStep(UUID.randomUUID(), "Restore backup", null, StepType.TASK, 60, 240, "DBA",
                List.of(signOff.key()), "Sign-off refused", "Restore last night's backup", false);
        return new TemplateContent(TemplateKind.CUTOVER, List.of(
                new TemplateSection(UUID.randomUUID(), "Execution", SectionRole.EXECUTION, List.of(extract, load, signOff)),
                new TemplateSection(UUID.randomUUID(), "Rollback", SectionRole.ROLLBACK, List.of(restore))), null);
    }

    /**
     * A go-live runbook with a go/no-go checkpoint and a rollback branch, every step owned by a
     * role: freeze (T−3h, 1h) → migrate (T−2h, 1h) → go/no-go by the change board (T−1h, 30m) →
     * switch DNS (T0, 30m, evidence required); rollback: restore (T+1h, 1h) after the go/no-go.
     */
    public static TemplateContent goLiveRunbook() {
        CutoverStep freeze = new CutoverStep(UUID.randomUUID(), "Freeze changes", null, StepType.TASK, -180, 60, "Data lead",
                List.of(), null, null, false);
        CutoverStep migrate = new CutoverStep(UUID.randomUUID(), "Migrate data", null, StepType.TASK, -120, 60, "Data lead",
                List.of(freeze.key()), null, null, false);
        CutoverStep decide = new CutoverStep(UUID.randomUUID(), "Go/no-go", null, StepType.GO_NO_GO, -60, 30, "Change board",
                List.of(migrate.key()), null, null, false);
        CutoverStep dns = new CutoverStep(UUID.randomUUID(), "Switch DNS", null, StepType.TASK, 0, 30, "Network engineer",
                List.of(decide.key()), "Users cannot reach the new system", null, true);
        CutoverStep restore = new CutoverStep(UUID.randomUUID(), "Restore the old system", null, StepType.TASK, 60, 60, "DBA",
                List.of(decide.key()), "No-go, or the switch failed", "Point DNS back and restore last night's backup", false);
        return new TemplateContent(TemplateKind.CUTOVER, List.of(
                new TemplateSection(UUID.randomUUID(), "Go-live", SectionRole.EXECUTION, List.of(freeze, migrate, decide, dns)),
                new TemplateSection(UUID.randomUUID(), "Rollback", SectionRole.ROLLBACK, List.of(restore))), null);
    }

    /**
     * A runbook that goes live and then runs hypercare: switch over (T−1h, 1h) → go live (T0,
     * milestone); hypercare, owned by the support lead: a daily stand-up (T+2h, 30m, daily at 09:00
     * for 3 days) and an error watch (T0, 15m, every 8 hours for 2 days), both after the go-live;
     * the exit review (T+4d, 1h, milestone, evidence required) after both.
     */
    public static TemplateContent hypercareRunbook() {
        CutoverStep switchOver = new CutoverStep(UUID.randomUUID(), "Switch over", null, StepType.TASK, -60, 60, "Cutover manager",
                List.of(), null, null, false);
        CutoverStep goLive = new CutoverStep(UUID.randomUUID(), "Go live", null, StepType.MILESTONE, 0, 0, "Cutover manager",
                List.of(switchOver.key()), null, null, false);
        CutoverStep standUp = new CutoverStep(UUID.randomUUID(), "Daily stand-up", null, StepType.TASK, 120, 30, "Support lead",
                List.of(goLive.key()), null, null, false).withRecurrence(new StepRecurrence.DailyAt(LocalTime.of(9, 0), 3));
        CutoverStep watch = new CutoverStep(UUID.randomUUID(), "Watch errors", null, StepType.TASK, 0, 15, "Support lead",
                List.of(goLive.key()), null, null, false).withRecurrence(new StepRecurrence.EveryHours(8, 2));
        CutoverStep exit = new CutoverStep(UUID.randomUUID(), "Hypercare exit review", null, StepType.MILESTONE, 4 * 24 * 60, 60,
                "Project manager", List.of(standUp.key(), watch.key()), null, null, true);
        return new TemplateContent(TemplateKind.CUTOVER, List.of(
                new TemplateSection(UUID.randomUUID(), "Go-live", SectionRole.EXECUTION, List.of(switchOver, goLive)),
                new TemplateSection(UUID.randomUUID(), "Hypercare", SectionRole.HYPERCARE, List.of(standUp, watch, exit))), null);
    }

    /** A sprint retrospective: three columns and a rating question, three votes each, anonymous. */
    public static TemplateContent retrospective() {
        return new TemplateContent(TemplateKind.RETROSPECTIVE, List.of(
                new TemplateSection(UUID.randomUUID(), "Check-in", null,
                        List.of(new RetroPrompt(UUID.randomUUID(), "How was the sprint?", "From 1 to 5", true))),
                new TemplateSection(UUID.randomUUID(), "Board", null, List.of(
                        new RetroPrompt(UUID.randomUUID(), "Went well", "What should we keep?", false),
                        new RetroPrompt(UUID.randomUUID(), "To improve", "What held us back?", false),
                        new RetroPrompt(UUID.randomUUID(), "Try next", "One thing to try next sprint", false)))),
                new RetroSettings("Sprint retrospective", 3, true));
    }

    /**
     * A template file of {@code steps} cutover steps in one section, each after the one before:
     * the shape that broke the template page before it drew lazily (audit C12, finding 8).
     */
    public static String longRunbookFile(int steps) {
        StringBuilder items = new StringBuilder();
        String previous = null;
        for (int i = 1; i <= steps; i++) {
            String key = java.util.UUID.randomUUID().toString();
            items.append(i == 1 ? "" : ",").append("""
                    {"key":"%s","title":"Step %d","type":"TASK","offset":"%dm","duration":"5m","ownerRole":"DBA","predecessors":[%s],
                     "description":"Do step %d carefully."}""".formatted(key, i, i * 5, previous == null ? "" : "\"" + previous + "\"", i));
            previous = key;
        }
        return """
                {"format":"cadence-template","formatVersion":1,"name":"Two thousand steps","kind":"CUTOVER",
                 "sections":[{"key":"%s","title":"Everything","role":"EXECUTION","items":[%s]}]}""".formatted(java.util.UUID.randomUUID(), items);
    }

    /** A weekly email every Friday at 15:00 with a message, a daily stand-up meeting on working days, a notice five days before go-live. */
    public static TemplateContent communicationPlan() {
        CommunicationEntry weekly = new CommunicationEntry(UUID.randomUUID(), "Weekly status", "Board", null, null, "Email", Cadence.WEEKLY,
                "Project manager", PlanAnchor.PLAN_START, 0)
                .timed(new EntryTiming(LocalTime.of(15, 0), Set.of(DayOfWeek.FRIDAY), 1, 0, 0, null, List.of(), NonWorkingDayRule.PREVIOUS_WORKING_DAY))
                .sending(new MessageTemplate("{{project.name}} status", "Status of {{project.name}} on {{occurrence.date}}."), false);
        CommunicationEntry standUp = new CommunicationEntry(UUID.randomUUID(), "Stand-up", "Team", null, null, "Meeting", Cadence.DAILY,
                null, PlanAnchor.PLAN_START, 0)
                .timed(new EntryTiming(LocalTime.of(9, 15), Set.of(), 1, 0, 0, null, List.of(), NonWorkingDayRule.KEEP));
        CommunicationEntry notice = new CommunicationEntry(UUID.randomUUID(), "Go-live notice", "All users", null, null, "Email", Cadence.ONCE,
                null, PlanAnchor.GO_LIVE, -5);
        return new TemplateContent(TemplateKind.COMMUNICATION_PLAN, List.of(new TemplateSection(UUID.randomUUID(), "All", null,
                List.of(weekly, standUp, notice))), null);
    }
}
