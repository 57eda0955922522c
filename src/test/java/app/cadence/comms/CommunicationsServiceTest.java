package app.cadence.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.comms.domain.OccurrenceStatus;
import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.OccurrenceRow;
import app.cadence.comms.service.Communications.SeriesChange;
import app.cadence.comms.service.Communications.SeriesView;
import app.cadence.comms.service.CommsReminders;
import app.cadence.comms.service.WorkingCalendars;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.EntryTiming;
import app.cadence.template.domain.MessageTemplate;
import app.cadence.template.domain.NonWorkingDayRule;
import app.cadence.template.domain.PlanAnchor;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * A communication plan in motion through the services: applying it plans dated occurrences (a
 * weekly report every Friday at 15:00, a stand-up every working day, a notice before go-live),
 * holidays move them, closing one never closes its series, re-planning keeps the past, owners are
 * reminded once, and another organisation sees and changes none of it.
 */
@IntegrationTest
class CommunicationsServiceTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired Communications communications;
    @Autowired WorkingCalendars calendars;
    @Autowired CommsReminders reminders;
    @Autowired app.cadence.work.service.InstanceUpgrades upgrades;
    @Autowired app.cadence.comms.service.CommsHorizonRound horizon;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired app.cadence.comms.domain.CommOccurrenceRepository storedOccurrences;
    @Autowired app.cadence.comms.domain.CommSeriesRepository storedSeries;
    @Autowired app.cadence.comms.domain.CommDeliveryRepository storedDeliveries;
    @Autowired app.cadence.comms.service.Stakeholders stakeholders;
    @Autowired app.cadence.comms.service.DistributionLists lists;
    @Autowired app.cadence.support.Mailbox mailbox;
    @Autowired app.cadence.reporting.service.StatusReports statusReports;

    Tenant tenant;
    Long templateId;
    TemplateContent planContent;
    Long planInstance;
    Member pmo;
    Member pm;
    Member ana;
    Long projectId;
    LocalDate start;
    LocalDate end;
    LocalDate goLive;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Comms");
        provisioning.changeTimeZone(tenant.id(), ZoneOffset.UTC);
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        ana = fixtures.member(tenant, Role.CONTRIBUTOR);
        projectId = fixtures.project(pm, "CM-" + UUID.randomUUID().toString().substring(0, 4), "CRM rollout");
        planContent = SampleTemplates.communicationPlan();
        templateId = fixtures.publishedTemplate(pmo, "Communication plan", planContent);
        start = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        end = start.plusWeeks(12).minusDays(1);
        goLive = start.plusWeeks(8);
        planInstance = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Plan", Anchors.plan(start, end, goLive)));
        });
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    void as(Member member, Runnable action) {
        scope.run(member.userId(), member.tenantId(), action);
    }

    List<OccurrenceRow> agenda(Member member) {
        return as(member, () -> communications.agenda(projectId, start.atStartOfDay().toInstant(ZoneOffset.UTC),
                end.plusWeeks(2).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    List<OccurrenceRow> of(String title) {
        return agenda(pm).stream().filter(o -> o.title().equals(title)).toList();
    }

    @Test
    void applyingAPlanGivesEachEntryItsDatedOccurrences() {
        List<OccurrenceRow> weekly = of("Weekly status");
        assertThat(weekly).hasSize(12).allSatisfy(o -> {
            assertThat(o.dueOn().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(o.dueAt().atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(15, 0));
            assertThat(o.status()).isEqualTo(OccurrenceStatus.PLANNED);
            assertThat(o.ownerId()).as("whoever applied the plan owns it until the PM hands it out").isEqualTo(pm.userId());
        });
        long workingDays = start.datesUntil(end.plusDays(1)).filter(d -> d.getDayOfWeek().getValue() <= 5).count();
        assertThat(of("Stand-up")).hasSize((int) workingDays).noneMatch(o -> o.dueOn().getDayOfWeek().getValue() > 5);
        assertThat(of("Go-live notice")).extracting(OccurrenceRow::dueOn).containsExactly(goLive.minusDays(5));
        assertThat(jdbc.queryForObject("select count(*) from instance_item where project_id = ? and due_at is not null", Long.class, projectId))
                .as("the entries themselves are no longer due items").isZero();
    }

    @Test
    void closingOneOccurrenceNeverClosesTheSeries() {
        OccurrenceRow first = of("Weekly status").getFirst();
        as(pm, () -> communications.skip(first.id(), first.version(), "Board away"));
        List<OccurrenceRow> weekly = of("Weekly status");
        assertThat(weekly.getFirst().status()).isEqualTo(OccurrenceStatus.SKIPPED);
        assertThat(weekly.subList(1, weekly.size())).hasSize(11).allMatch(o -> o.status() == OccurrenceStatus.PLANNED);

        OccurrenceRow meeting = of("Stand-up").getFirst();
        as(pm, () -> communications.markSent(meeting.id(), meeting.version(), "Held; notes on the wiki"));
        assertThat(as(pm, () -> communications.log(projectId, 0, 10))).extracting(OccurrenceRow::title).containsExactly("Stand-up");
        assertThatThrownBy(() -> as(pm, () -> communications.skip(meeting.id(), meeting.version() + 1, "again")))
                .hasMessageContaining("sent");
    }

    @Test
    void aHolidayMovesAnOccurrenceToTheWorkingDayBeforeAndThePreviewSaysSo() {
        LocalDate thirdFriday = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)).plusWeeks(2);
        as(pmo, () -> calendars.addHoliday(thirdFriday, "Company day"));

        assertThat(of("Weekly status")).extracting(OccurrenceRow::dueOn).contains(thirdFriday.minusDays(1)).doesNotContain(thirdFriday);
        OccurrenceRow moved = of("Weekly status").stream().filter(o -> o.dueOn().equals(thirdFriday.minusDays(1))).findFirst().orElseThrow();
        assertThat(moved.moved()).isTrue();
        assertThat(moved.scheduledFor()).isEqualTo(thirdFriday);
        assertThat(of("Stand-up")).as("the stand-up runs on working days only").extracting(OccurrenceRow::dueOn).doesNotContain(thirdFriday);
        SeriesView series = as(pm, () -> communications.series(projectId)).getFirst();
        assertThat(as(pm, () -> communications.preview(series.id(), series.cadence(), series.timing(), series.firstDate())))
                .filteredOn(Communications.PreviewDate::moved).extracting(Communications.PreviewDate::scheduledFor).containsExactly(thirdFriday);
    }

    @Test
    void changingTheTimingReplansTheFutureAndKeepsThePast() {
        OccurrenceRow first = of("Weekly status").getFirst();
        as(pm, () -> communications.saveDraft(first.id(), first.version(), "Week 1", "Draft"));
        Instant was = clock.instant();
        clock.advance(java.time.Duration.between(clock.instant(), start.plusWeeks(3).atStartOfDay().toInstant(ZoneOffset.UTC)));
        try {
            SeriesView series = as(pm, () -> communications.series(projectId)).stream().filter(s -> s.title().equals("Weekly status")).findFirst().orElseThrow();
            as(pm, () -> communications.changeSeries(series.id(), series.version(), new SeriesChange(ana.userId(), "Email", Cadence.WEEKLY,
                    new EntryTiming(LocalTime.of(10, 0), Set.of(DayOfWeek.TUESDAY), 1, 0, 0, null, List.of(), NonWorkingDayRule.KEEP),
                    series.firstDate(), series.audience(), series.message(), false)));

            Instant now = clock.instant();
            List<OccurrenceRow> weekly = of("Weekly status");
            assertThat(weekly.stream().filter(o -> o.dueAt().isBefore(now))).as("the past stays as it was").hasSize(3)
                    .allMatch(o -> o.dueOn().getDayOfWeek() == DayOfWeek.FRIDAY);
            assertThat(weekly.getFirst().status()).as("a drafted one is kept").isEqualTo(OccurrenceStatus.DRAFTED);
            assertThat(weekly.stream().filter(o -> !o.dueAt().isBefore(now))).hasSize(9)
                    .allMatch(o -> o.dueOn().getDayOfWeek() == DayOfWeek.TUESDAY && o.ownerId().equals(ana.userId()));
            assertThat(as(ana, () -> communications.mine(now.plus(java.time.Duration.ofDays(14))))).extracting(OccurrenceRow::title)
                    .containsOnly("Weekly status").hasSize(2);
        } finally {
            clock.advance(java.time.Duration.between(clock.instant(), was));
        }
    }

    @Test
    void aDraftIsFilledFromLiveProjectValues() {
        OccurrenceRow first = of("Weekly status").getFirst();
        var draft = as(pm, () -> communications.proposedDraft(first.id()));
        assertThat(draft.subject()).isEqualTo("CRM rollout status");
        assertThat(draft.body()).isEqualTo("Status of CRM rollout on "
                + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK).format(first.dueOn()) + ".");
    }

    @Test
    void sendingEmailsEachRecipientOfTheAudienceOnceAndKeepsTheLog() {
        String laura = "laura." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        Long sponsor = as(pm, () -> stakeholders.add(projectId, new app.cadence.comms.domain.StakeholderDraft("Laura Kim", laura,
                "Client", "Sponsor", app.cadence.comms.domain.StakeholderLevel.HIGH, app.cadence.comms.domain.StakeholderLevel.HIGH, app.cadence.comms.domain.StakeholderChannel.EMAIL, null))).id();
        Long noEmail = as(pm, () -> stakeholders.add(projectId, new app.cadence.comms.domain.StakeholderDraft("Floor walkers", null,
                null, null, app.cadence.comms.domain.StakeholderLevel.LOW, app.cadence.comms.domain.StakeholderLevel.MEDIUM, app.cadence.comms.domain.StakeholderChannel.MEETING, null))).id();
        Long board = as(pm, () -> lists.create("Project board " + UUID.randomUUID().toString().substring(0, 4), null));
        as(pm, () -> {
            lists.add(board, app.cadence.comms.domain.DistributionListMember.Kind.MEMBER, ana.userId());
            lists.add(board, app.cadence.comms.domain.DistributionListMember.Kind.STAKEHOLDER, sponsor);
        });
        SeriesView series = as(pm, () -> communications.series(projectId)).stream().filter(s -> s.title().equals("Weekly status")).findFirst().orElseThrow();
        as(pm, () -> communications.changeSeries(series.id(), series.version(), new SeriesChange(pm.userId(), "Email", series.cadence(),
                series.timing(), series.firstDate(), new app.cadence.comms.service.Audience(Set.of(board), Set.of(sponsor, noEmail)), series.message(), false)));
        OccurrenceRow first = of("Weekly status").getFirst();
        assertThatThrownBy(() -> as(pm, () -> communications.send(first.id(), first.version()))).hasMessageContaining("Draft the message first");
        var draft = as(pm, () -> communications.proposedDraft(first.id()));
        long version = as(pm, () -> communications.saveDraft(first.id(), first.version(), draft.subject(), draft.body() + "\n\n**On track.**"));

        int queued = as(pm, () -> communications.send(first.id(), version));

        assertThat(queued).as("one email each to Ana and the sponsor, who is on the list and named too").isEqualTo(2);
        assertThat(mailbox.to(ana.email())).filteredOn(m -> m.kind() == app.cadence.mail.domain.EmailKind.COMMUNICATION).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("CRM rollout status");
            assertThat(m.body()).contains("Status of CRM rollout").contains("**On track.**");
        });
        assertThat(mailbox.to(laura)).hasSize(1);
        var detail = as(pm, () -> communications.occurrence(first.id()));
        assertThat(detail.row().status()).isEqualTo(OccurrenceStatus.SENT);
        assertThat(detail.deliveries()).extracting(Communications.DeliveryView::name).containsExactlyInAnyOrder(ana.name(), "Laura Kim", "Floor walkers");
        assertThat(detail.deliveries()).filteredOn(Communications.DeliveryView::failed).singleElement()
                .satisfies(d -> assertThat(d.problem()).isEqualTo("No email address"));
        assertThat(app.cadence.shared.SafeMarkdown.toHtml(detail.body())).contains("<strong>On track.</strong>");
        assertThat(as(ana, () -> communications.log(projectId, 0, 10))).extracting(OccurrenceRow::id).containsExactly(first.id());
        assertThatThrownBy(() -> as(pm, () -> communications.saveDraft(first.id(), version + 1, "Changed", "after the fact")))
                .hasMessageContaining("part of the project's record");
    }

    @Test
    void aStatusReportGoesOutByItselfWhenItFallsDueWithAFreshReport() {
        String sponsorEmail = "sponsor." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        Long sponsor = as(pm, () -> stakeholders.add(projectId, new app.cadence.comms.domain.StakeholderDraft("Sam Sponsor", sponsorEmail,
                null, "Sponsor", app.cadence.comms.domain.StakeholderLevel.HIGH, app.cadence.comms.domain.StakeholderLevel.HIGH,
                app.cadence.comms.domain.StakeholderChannel.REPORT, null))).id();
        SeriesView weekly = as(pm, () -> communications.series(projectId)).stream().filter(s -> s.title().equals("Weekly status")).findFirst().orElseThrow();
        as(pm, () -> communications.changeSeries(weekly.id(), weekly.version(), new SeriesChange(pm.userId(), "Email", weekly.cadence(),
                weekly.timing(), weekly.firstDate(), new app.cadence.comms.service.Audience(Set.of(), Set.of(sponsor)), weekly.message(), true)));
        List<OccurrenceRow> fridays = of("Weekly status");
        Instant was = clock.instant();
        try {
            clock.advance(java.time.Duration.between(clock.instant(), fridays.get(0).dueAt().minus(java.time.Duration.ofHours(2))));
            as(pm, () -> {
                var draft = statusReports.startDraft(projectId);
                var saved = statusReports.saveNarrative(draft.id(), "On track for go-live.", draft.version());
                return statusReports.publish(saved.id(), saved.version());
            });
            clock.advance(java.time.Duration.ofHours(3));
            reminders.remindAll();

            var sent = as(pm, () -> communications.occurrence(fridays.get(0).id()));
            assertThat(sent.row().status()).isEqualTo(OccurrenceStatus.SENT);
            assertThat(sent.sentBy()).isEqualTo("Cadence, on schedule");
            assertThat(mailbox.to(sponsorEmail)).singleElement().satisfies(m -> assertThat(m.body()).contains("On track for go-live."));

            // A week later nothing new was published: it waits for its owner, who is told it is due.
            clock.advance(java.time.Duration.between(clock.instant(), fridays.get(1).dueAt().plus(java.time.Duration.ofHours(1))));
            reminders.remindAll();
            assertThat(as(pm, () -> communications.occurrence(fridays.get(1).id())).row().status()).isEqualTo(OccurrenceStatus.PLANNED);
            assertThat(jdbc.queryForObject("select count(*) from notification where tenant_id = ? and recipient_id = ? and kind = 'STATUS_REPORT_DUE'",
                    Long.class, tenant.id(), pm.userId())).isPositive();
            assertThat(mailbox.to(sponsorEmail)).hasSize(1);
        } finally {
            clock.advance(java.time.Duration.between(clock.instant(), was));
        }
    }

    @Test
    void aPlanAppliedBeforeOccurrencesExistedIsPlannedOnRequest() {
        // As a plan applied before this release stands: its instance, no series, no occurrences.
        jdbc.update("delete from comm_occurrence where tenant_id = ? and project_id = ?", tenant.id(), projectId);
        jdbc.update("delete from comm_series where tenant_id = ? and project_id = ?", tenant.id(), projectId);
        List<Communications.UnscheduledPlan> earlier = as(pm, () -> communications.unscheduledPlans(projectId));
        assertThat(earlier).extracting(Communications.UnscheduledPlan::name).containsExactly("Plan");
        assertThatThrownBy(() -> as(ana, () -> communications.schedule(earlier.getFirst().instanceId()))).isInstanceOf(AccessDeniedException.class);

        int planned = as(pm, () -> communications.schedule(earlier.getFirst().instanceId()));

        assertThat(planned).isEqualTo(agenda(pm).size());
        assertThat(of("Weekly status")).hasSize(12);
        assertThat(as(pm, () -> communications.unscheduledPlans(projectId))).isEmpty();
        assertThatThrownBy(() -> as(pm, () -> communications.schedule(earlier.getFirst().instanceId()))).hasMessageContaining("already scheduled");
    }

    @Test
    void aRunbookThatFollowsTheCalendarMovesOffTheOrganisationsHolidaysAndTheFileKeepsTheSetting() {
        app.cadence.template.domain.CutoverStep prepare = new app.cadence.template.domain.CutoverStep(UUID.randomUUID(), "Prepare", null,
                app.cadence.template.domain.StepType.TASK, -3 * 24 * 60, 60, "Cutover manager", List.of(), null, null, false);
        app.cadence.template.domain.CutoverStep switchOver = new app.cadence.template.domain.CutoverStep(UUID.randomUUID(), "Switch over", null,
                app.cadence.template.domain.StepType.TASK, 0, 60, "Cutover manager", List.of(), null, null, false);
        TemplateContent runbook = new TemplateContent(TemplateKind.CUTOVER, List.of(new TemplateSection(UUID.randomUUID(), "Run",
                app.cadence.template.domain.SectionRole.EXECUTION, List.of(prepare, switchOver))), null).followingWorkingCalendar(true);
        assertThat(app.cadence.template.service.TemplateFormat.read(app.cadence.template.service.TemplateFormat.write(runbook)).followsWorkingCalendar())
                .as("the template file keeps the setting").isTrue();
        Long template = fixtures.publishedTemplate(pmo, "Calendar runbook", runbook);
        Long version = as(pm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(template)).findFirst().orElseThrow().latest().id());
        java.time.LocalDateTime t0 = start.plusWeeks(2).atTime(18, 0); // a Monday evening
        var before = as(pm, () -> applying.preview(template, version, Anchors.at(t0)));
        // Every step a day or more before T0 that falls on a holiday moves: make each such day a holiday.
        List<LocalDate> stepDays = before.items().stream().filter(p -> p.due() != null && p.item() instanceof app.cadence.template.domain.CutoverStep c
                        && Math.abs(c.offsetMinutes()) >= 24 * 60).map(p -> LocalDate.ofInstant(p.due(), ZoneOffset.UTC)).distinct().toList();
        assertThat(stepDays).as("the sample runbook has steps a day or more from T0").isNotEmpty();
        as(pmo, () -> calendars.addHoliday(stepDays.getFirst(), "Company day"));

        var after = as(pm, () -> applying.preview(template, version, Anchors.at(t0)));
        assertThat(after.items()).filteredOn(p -> p.movedFrom() != null).isNotEmpty()
                .allSatisfy(p -> assertThat(LocalDate.ofInstant(p.movedFrom(), ZoneOffset.UTC)).isEqualTo(stepDays.getFirst()))
                .allSatisfy(p -> assertThat(LocalDate.ofInstant(p.due(), ZoneOffset.UTC)).isNotEqualTo(stepDays.getFirst()));
    }

    @Test
    void onlyTheOwnerOrAProjectManagerActsOnAnOccurrence() {
        OccurrenceRow first = of("Weekly status").getFirst();
        assertThatThrownBy(() -> as(ana, () -> communications.skip(first.id(), first.version(), "not mine")))
                .isInstanceOf(AccessDeniedException.class);
        SeriesView series = as(pm, () -> communications.series(projectId)).getFirst();
        assertThatThrownBy(() -> as(ana, () -> communications.changeSeries(series.id(), series.version(), new SeriesChange(ana.userId(), null,
                series.cadence(), series.timing(), series.firstDate(), series.audience(), null, false)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void occurrencesAreWrittenEightWeeksAheadAndTheHourlyRoundWritesEachDayOnce() {
        String stored = "select count(*) from comm_occurrence o join comm_series s on s.id = o.series_id"
                + " where o.tenant_id = ? and o.project_id = ? and s.title = ?";
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long fridaysAhead = start.datesUntil(end.plusDays(1))
                .filter(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY && !d.isAfter(today.plusWeeks(8))).count();
        assertThat(jdbc.queryForObject(stored, Long.class, tenant.id(), projectId, "Weekly status")).isEqualTo(fridaysAhead).isLessThan(12);
        List<OccurrenceRow> weekly = of("Weekly status");
        assertThat(weekly).as("the agenda shows the whole plan").hasSize(12);
        assertThat(weekly.subList((int) fridaysAhead, 12)).as("beyond the horizon: planned, nothing to open yet")
                .allMatch(o -> o.id() == null && o.status() == OccurrenceStatus.PLANNED && o.ownerId().equals(pm.userId()));
        assertThat(as(pm, () -> communications.organisationAgenda(start.atStartOfDay().toInstant(ZoneOffset.UTC),
                end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), null, null)))
                .filteredOn(o -> o.title().equals("Weekly status")).extracting(OccurrenceRow::dueAt).isEqualTo(weekly.stream().map(OccurrenceRow::dueAt).toList());

        Instant was = clock.instant();
        try {
            clock.advance(java.time.Duration.ofDays(14));
            assertThat(horizon.extendAll()).as("two more weeks of every series").isPositive();
            assertThat(horizon.extendAll()).as("a second round writes nothing twice").isZero();
            LocalDate later = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            assertThat(jdbc.queryForObject(stored, Long.class, tenant.id(), projectId, "Weekly status")).isEqualTo(start.datesUntil(end.plusDays(1))
                    .filter(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY && !d.isAfter(later.plusWeeks(8))).count());
            assertThat(of("Weekly status")).hasSize(12).extracting(OccurrenceRow::dueAt).isEqualTo(weekly.stream().map(OccurrenceRow::dueAt).toList());

            clock.advance(java.time.Duration.ofDays(60));
            horizon.extendAll();
            assertThat(of("Weekly status")).as("the whole plan written once").hasSize(12).allMatch(o -> o.id() != null);
            assertThat(jdbc.queryForObject("select count(*) from comm_series where tenant_id = ? and planned_until < '9999-12-31'", Long.class,
                    tenant.id())).as("every series marked fully written: no round reads them again").isZero();
        } finally {
            clock.advance(java.time.Duration.between(clock.instant(), was));
        }
    }

    @Test
    void upgradingThePlanFollowsItsEntriesKeepsWhatWasDoneAndUndoingGoesBack() {
        // Version 2: the stand-up and the go-live notice leave, a monthly steering committee comes.
        OccurrenceRow held = of("Stand-up").getFirst();
        as(pm, () -> communications.markSent(held.id(), held.version(), "Held"));
        TemplateSection all = planContent.sections().getFirst();
        List<app.cadence.template.domain.TemplateItem> next = new java.util.ArrayList<>(all.items().stream()
                .filter(i -> !List.of("Stand-up", "Go-live notice").contains(i.title())).toList());
        next.add(new CommunicationEntry(UUID.randomUUID(), "Steering committee", "Sponsors", null, null, "Meeting", Cadence.MONTHLY, null,
                PlanAnchor.PLAN_START, 0));
        Long v2 = fixtures.publishNextVersion(pmo, templateId, new TemplateContent(TemplateKind.COMMUNICATION_PLAN,
                List.of(new TemplateSection(all.key(), all.title(), null, next)), null));
        var preview = as(pmo, () -> upgrades.preview(planInstance, v2));
        var result = as(pmo, () -> upgrades.upgrade(planInstance, v2, preview.instanceVersion()));

        assertThat(as(pm, () -> communications.series(projectId))).extracting(SeriesView::title)
                .as("the stand-up stays (one was held), the untouched notice goes, the new entry comes")
                .containsExactlyInAnyOrder("Weekly status", "Stand-up", "Steering committee");
        assertThat(of("Steering committee")).as("owned by whoever upgraded, until a PM hands it out").isNotEmpty()
                .allMatch(o -> o.ownerId().equals(pmo.userId()) && o.status() == OccurrenceStatus.PLANNED);
        assertThat(of("Go-live notice")).isEmpty();
        assertThat(of("Stand-up")).filteredOn(o -> o.status() == OccurrenceStatus.SENT).hasSize(1);

        as(pmo, () -> upgrades.undo(result.upgradeId()));
        assertThat(as(pm, () -> communications.series(projectId))).extracting(SeriesView::title)
                .containsExactlyInAnyOrder("Weekly status", "Stand-up", "Go-live notice");
        assertThat(of("Go-live notice")).extracting(OccurrenceRow::dueOn).containsExactly(goLive.minusDays(5));
    }

    @Test
    void ownersAreRemindedOnceOfWhatFallsDue() {
        // The first stand-up is due within a day of the Monday before it.
        Instant was = clock.instant();
        clock.advance(java.time.Duration.between(clock.instant(), start.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC)));
        try {
            reminders.remindAll();
            String told = "select count(*) from notification where tenant_id = ? and recipient_id = ? and kind = 'COMMUNICATION_DUE'";
            // Due within a day of Sunday noon: Monday's stand-up only (the weekly status is on Friday).
            assertThat(jdbc.queryForObject(told, Long.class, tenant.id(), pm.userId())).isEqualTo(1);
            assertThat(reminders.remindAll()).as("a second round tells nobody again").isZero();
            assertThat(jdbc.queryForObject(told, Long.class, tenant.id(), pm.userId())).isEqualTo(1);
        } finally {
            clock.advance(java.time.Duration.between(clock.instant(), was));
        }
    }

    @Test
    void anotherTenantsBulkStatementsNamingThisTenantsRowsChangeNothing() {
        OccurrenceRow first = of("Weekly status").getFirst();
        as(pm, () -> communications.markSent(first.id(), first.version(), "Held"));
        List<Long> series = as(pm, () -> communications.series(projectId)).stream().map(SeriesView::id).toList();
        List<Long> ids = agenda(pm).stream().map(OccurrenceRow::id).filter(java.util.Objects::nonNull).toList();
        Long intruder = fixtures.tenant("Bulk intruder").id();

        int changed = transactions.execute(tx -> storedOccurrences.deleteUnsentOfSeries(intruder, series)
                + storedOccurrences.detachFromSeries(intruder, series) + storedOccurrences.deleteOccurrences(intruder, ids)
                + storedOccurrences.deleteOfProject(intruder, projectId) + storedDeliveries.deleteOfProject(intruder, projectId)
                + storedSeries.deleteSeries(intruder, series));

        assertThat(changed).isZero();
        assertThat(agenda(pm).stream().filter(o -> o.id() != null)).hasSize(ids.size());
        assertThat(as(pm, () -> communications.series(projectId))).hasSize(series.size());
        assertThat(as(pm, () -> communications.log(projectId, 0, 10))).extracting(OccurrenceRow::seriesId).doesNotContainNull();
    }

    @Test
    void anotherOrganisationCanNeitherReadNorChangeAnyOfIt() {
        Tenant other = fixtures.tenant("Elsewhere");
        Member stranger = fixtures.member(other, Role.ADMIN);
        OccurrenceRow first = of("Weekly status").getFirst();
        SeriesView series = as(pm, () -> communications.series(projectId)).getFirst();
        Long holidayId = as(pmo, () -> {
            calendars.addHoliday(end.plusYears(1), "Far away");
            return calendars.view().holidays().getFirst().id();
        });

        assertThatThrownBy(() -> as(stranger, () -> communications.occurrence(first.id()))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> communications.skip(first.id(), first.version(), "mine now"))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> communications.changeSeries(series.id(), series.version(), new SeriesChange(stranger.userId(),
                null, series.cadence(), series.timing(), series.firstDate(), series.audience(), null, false)))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> communications.agenda(projectId, Instant.EPOCH, Instant.now().plusSeconds(999_999_999))))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(as(stranger, () -> communications.organisationAgenda(Instant.EPOCH, Instant.now().plusSeconds(999_999_999), null, null))).isEmpty();
        assertThat(as(stranger, () -> calendars.view().holidays())).isEmpty();
        assertThatThrownBy(() -> as(stranger, () -> calendars.removeHoliday(holidayId))).isInstanceOf(RecordNotFoundException.class);
        assertThat(of("Weekly status").getFirst().status()).isEqualTo(OccurrenceStatus.PLANNED);
    }
}
