package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.CriticalPath;
import app.cadence.work.domain.InstancePlan;
import app.cadence.work.domain.PlannedItem;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.PlanAnchor;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InstancePlanTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static CutoverStep step(String title, String offset, String duration, List<CutoverStep> after) {
        return new CutoverStep(UUID.randomUUID(), title, null, StepType.TASK, RelativeTime.parseOffset(offset),
                RelativeTime.parseDuration(duration), "Cutover manager", after.stream().map(CutoverStep::key).toList(), null, null, false);
    }

    static TemplateContent runbook(TemplateSection... sections) {
        return new TemplateContent(TemplateKind.CUTOVER, List.of(sections), null);
    }

    static TemplateSection section(String title, SectionRole role, TemplateItem... items) {
        return new TemplateSection(UUID.randomUUID(), title, role, List.of(items));
    }

    static ZonedDateTime due(List<PlannedItem> plan, String title, ZoneId zone) {
        Instant due = plan.stream().filter(p -> p.item().title().equals(title)).findFirst().orElseThrow().due();
        return due.atZone(zone);
    }

    @Test
    void aRunbookThatFollowsTheWorkingCalendarMovesStepsADayOrMoreFromT0OffDaysOff() {
        // T0 on Monday 8 June 2026 at 20:00; Friday 5 June is a holiday.
        CutoverStep freeze = step("Freeze changes", "-3d", "1h", List.of());      // Friday 5th 21:00, holiday → Thursday 4th
        CutoverStep dryRun = step("Dry run", "-1d", "2h", List.of());             // Sunday 7th 22:00 → Thursday 4th (Friday is off)
        CutoverStep backup = step("Back up", "-4h", "1h", List.of());             // Monday 8th: within a day of T0, never moves
        CutoverStep review = step("Hypercare review", "+5d", "1h", List.of());   // Saturday 13th 21:00 → Monday 15th
        java.util.function.Predicate<LocalDate> weekdaysButThe5th = d -> d.getDayOfWeek().getValue() <= 5 && !d.equals(LocalDate.of(2026, 6, 5));
        TemplateContent content = runbook(section("Prep", SectionRole.PREPARATION, freeze, dryRun, backup),
                section("Hypercare", SectionRole.HYPERCARE, review));
        Anchors t0 = Anchors.at(LocalDateTime.of(2026, 6, 8, 20, 0));

        List<PlannedItem> ignoring = InstancePlan.plan(content, t0, LONDON, weekdaysButThe5th);
        assertThat(ignoring).as("by default a runbook ignores the calendar").allMatch(p -> p.movedFrom() == null);

        List<PlannedItem> following = InstancePlan.plan(content.followingWorkingCalendar(true), t0, LONDON, weekdaysButThe5th);
        assertThat(due(following, "Freeze changes", LONDON).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 6, 4, 21, 0));
        assertThat(due(following, "Dry run", LONDON).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 6, 4, 22, 0));
        assertThat(due(following, "Back up", LONDON).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 6, 8, 17, 0));
        assertThat(due(following, "Hypercare review", LONDON).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 6, 15, 21, 0));
        assertThat(following.stream().filter(p -> p.movedFrom() != null).map(p -> p.item().title()))
                .as("the preview says which moved").containsExactly("Freeze changes", "Dry run", "Hypercare review");
        assertThat(following.stream().filter(p -> p.item().title().equals("Dry run")).findFirst().orElseThrow().movedFrom())
                .isEqualTo(LocalDateTime.of(2026, 6, 7, 22, 0).atZone(LONDON).toInstant());
    }

    @Test
    void aCutoverStepIsDueWhenPlannedToFinish() {
        CutoverStep backup = step("Back up", "-4h", "1h", List.of());
        List<PlannedItem> plan = InstancePlan.plan(runbook(section("Execution", SectionRole.EXECUTION, backup)),
                Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)), LONDON);

        assertThat(due(plan, "Back up", LONDON).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 6, 6, 15, 0));
        assertThat(plan.getFirst().ownerRole()).isEqualTo("Cutover manager");
    }

    @Test
    void wholeDaysKeepTheWallClockTimeAcrossTheSpringDaylightSavingChange() {
        // T0 on Sunday 29 March 2026 10:00 BST; the clocks went forward at 01:00 GMT that night.
        CutoverStep dayBefore = step("Day before", "-1d", "0m", List.of());
        CutoverStep hoursBefore = step("Twelve hours before", "-12h", "0m", List.of());
        List<PlannedItem> plan = InstancePlan.plan(runbook(section("Prep", SectionRole.PREPARATION, dayBefore, hoursBefore)),
                Anchors.at(LocalDateTime.of(2026, 3, 29, 10, 0)), LONDON);

        // A calendar day: 10:00 on Saturday, though only 23 real hours earlier.
        assertThat(due(plan, "Day before", LONDON).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 28, 10, 0));
        // Elapsed hours: 12 real hours before 09:00 UTC is 21:00 UTC = 21:00 GMT on Saturday.
        assertThat(due(plan, "Twelve hours before", LONDON).toInstant()).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
    }

    @Test
    void theAutumnChangeAndAnotherZone() {
        // New York falls back on Sunday 1 November 2026 at 02:00 EDT.
        CutoverStep hypercare = step("Hypercare check", "+1d 2h", "0m", List.of());
        List<PlannedItem> plan = InstancePlan.plan(runbook(section("Hypercare", SectionRole.HYPERCARE, hypercare)),
                Anchors.at(LocalDateTime.of(2026, 10, 31, 20, 0)), NEW_YORK);

        // 20:00 EDT + 1 calendar day = 20:00 EST on 1 Nov, + 2 elapsed hours = 22:00 EST = 03:00 UTC on 2 Nov.
        assertThat(due(plan, "Hypercare check", NEW_YORK).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 1, 22, 0));
        assertThat(due(plan, "Hypercare check", NEW_YORK).toInstant()).isEqualTo(Instant.parse("2026-11-02T03:00:00Z"));

        List<PlannedItem> inLondon = InstancePlan.plan(runbook(section("Hypercare", SectionRole.HYPERCARE, hypercare)),
                Anchors.at(LocalDateTime.of(2026, 10, 31, 20, 0)), LONDON);
        assertThat(due(inLondon, "Hypercare check", LONDON).toInstant()).isEqualTo(Instant.parse("2026-11-01T22:00:00Z"));
    }

    @Test
    void aTimeThatDoesNotExistIsRefusedAndAnAmbiguousOneTakesTheEarlierOffset() {
        TemplateContent content = runbook(section("Execution", SectionRole.EXECUTION, step("Switch", "0m", "0m", List.of())));

        assertThatThrownBy(() -> InstancePlan.plan(content, Anchors.at(LocalDateTime.of(2026, 3, 29, 1, 30)), LONDON))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("29 Mar 2026 01:30 does not exist in Europe/London");

        List<PlannedItem> plan = InstancePlan.plan(content, Anchors.at(LocalDateTime.of(2026, 10, 25, 1, 30)), LONDON);
        assertThat(plan.getFirst().due()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z")); // 01:30 BST, the first one
    }

    @Test
    void missingAnchorsAreNamed() {
        TemplateContent content = runbook(section("Execution", SectionRole.EXECUTION, step("Switch", "0m", "0m", List.of())));
        assertThatThrownBy(() -> InstancePlan.plan(content, new Anchors(null, null, null, null), LONDON))
                .isInstanceOf(RuleViolationException.class).hasMessage("Give T0, the date and time of the switch-over.");
    }

    @Test
    void communicationEntriesAreNotDueItemsButThePlanDatesMustStillBeGiven() {
        CommunicationEntry kickOff = new CommunicationEntry(UUID.randomUUID(), "Kick-off note", "All staff", null, null, "Email",
                Cadence.ONCE, "PM", PlanAnchor.PLAN_START, 2);
        CommunicationEntry notice = new CommunicationEntry(UUID.randomUUID(), "Go-live notice", "All staff", null, null, "Email",
                Cadence.ONCE, "PM", PlanAnchor.GO_LIVE, -1);
        CommunicationEntry closing = new CommunicationEntry(UUID.randomUUID(), "Closing report", "Sponsor", null, null, "Email",
                Cadence.ONCE, "PM", PlanAnchor.PLAN_END, 0);
        TemplateContent plan = new TemplateContent(TemplateKind.COMMUNICATION_PLAN,
                List.of(new TemplateSection(UUID.randomUUID(), "Plan", null, List.of(kickOff, notice, closing))), null);

        List<PlannedItem> items = InstancePlan.plan(plan,
                Anchors.plan(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 4, 1)), LONDON);

        // Their dated occurrences are the work (comms module, CommunicationsServiceTest); dated, ticking one closed the series.
        assertThat(items).hasSize(3).allSatisfy(item -> assertThat(item.due()).isNull());

        assertThatThrownBy(() -> InstancePlan.plan(plan, Anchors.plan(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 30), null), LONDON))
                .hasMessage("This plan has entries timed from go-live: give the go-live date.");
        assertThatThrownBy(() -> InstancePlan.plan(plan, Anchors.plan(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 30), null), LONDON))
                .hasMessage("The plan cannot end before it starts.");
    }

    @Test
    void retrospectivePromptsAreNotDueButTheSessionMustStillBeGiven() {
        TemplateContent retro = new TemplateContent(TemplateKind.RETROSPECTIVE, List.of(new TemplateSection(UUID.randomUUID(), "Board", null,
                List.of(new RetroPrompt(UUID.randomUUID(), "Start", "What should we start?", false)))), null);
        List<PlannedItem> plan = InstancePlan.plan(retro, Anchors.at(LocalDateTime.of(2026, 7, 3, 14, 30)), NEW_YORK);
        assertThat(plan.getFirst().due()).as("a prompt is nobody's work: never due, never overdue").isNull();
        assertThatThrownBy(() -> InstancePlan.plan(retro, new Anchors(null, null, null, null), NEW_YORK)).hasMessage("Give the date and time of the session.");
    }

    @Test
    void theCriticalPathFollowsTheLatestFinishingPredecessorsAndLeavesRollbackOut() {
        CutoverStep a = step("Extract", "-6h", "2h", List.of());
        CutoverStep b = step("Side task", "-6h", "30m", List.of());
        CutoverStep c = step("Load", "-4h", "3h", List.of(a, b));
        CutoverStep d = step("Smoke test", "-1h", "1h", List.of(c));
        CutoverStep rollback = step("Restore backup", "+1h", "8h", List.of(d));
        TemplateContent content = runbook(section("Execution", SectionRole.EXECUTION, a, b, c, d),
                section("Rollback", SectionRole.ROLLBACK, rollback));

        assertThat(CriticalPath.of(content)).containsExactlyInAnyOrder(a.key(), c.key(), d.key());
        List<PlannedItem> plan = InstancePlan.plan(content, Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)), LONDON);
        assertThat(plan).filteredOn(PlannedItem::criticalPath).extracting(p -> p.item().title())
                .containsExactly("Extract", "Load", "Smoke test");
    }
}
