package app.cadence.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.cutover.domain.CheckState;
import app.cadence.cutover.domain.CutoverRuleException;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.events.RunChanged;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.HypercareBoard;
import app.cadence.cutover.service.HypercareChecks;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Hypercare in a run: recurring checks dated from the run's clock (across a daylight-saving
 * change too), ticked and missed one by one with the role matrix, the exit signed by whoever runs
 * the run, and another organisation seeing and touching none of it.
 */
@IntegrationTest
@RecordApplicationEvents // rather than a listener bean of its own: that would start a second application context
class HypercareChecksTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired CutoverRuns runs;
    @Autowired RunStepWork steps;
    @Autowired RunReading reading;
    @Autowired HypercareChecks hypercare;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;

    record Setting(Tenant tenant, Member pm, Member supportLead, Member bystander, Member viewer, Long runId, Instant t0) {
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    void as(Member member, Runnable action) {
        scope.run(member.userId(), member.tenantId(), action);
    }

    /** A go-live run of the hypercare runbook in an organisation of the zone, T0 at the local time given. */
    Setting goLiveRun(ZoneId zone, LocalDateTime localT0) {
        Tenant tenant = fixtures.tenant("Hypercare");
        provisioning.changeTimeZone(tenant.id(), zone);
        Member pmo = fixtures.member(tenant, Role.PMO);
        Member pm = fixtures.member(tenant, Role.PM);
        Member supportLead = fixtures.member(tenant, Role.CONTRIBUTOR);
        Member bystander = fixtures.member(tenant, Role.CONTRIBUTOR);
        Member viewer = fixtures.member(tenant, Role.VIEWER);
        Long projectId = fixtures.project(pm, "HC-" + UUID.randomUUID().toString().substring(0, 4), "Hypercare");
        Long templateId = fixtures.publishedTemplate(pmo, "Runbook with hypercare", SampleTemplates.hypercareRunbook());
        Long instanceId = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Runbook with hypercare", Anchors.at(localT0)));
        });
        Long runId = as(pm, () -> runs.scheduleLiveRun(instanceId, null));
        as(pm, () -> runs.assignRole(runId, "Support lead", List.of(supportLead.userId())));
        return new Setting(tenant, pm, supportLead, bystander, viewer, runId, localT0.atZone(zone).toInstant());
    }

    /** Starts the run an hour before T0, as planned, and goes live; stamped at the times given rather than now. */
    void goLive(Setting s, Instant at) {
        UUID switchOver = key(s, "Switch over");
        UUID goLive = key(s, "Go live");
        as(s.pm(), () -> runs.recordAt(at, () -> {
            runs.start(s.runId());
            steps.complete(s.runId(), switchOver, null, null);
            steps.complete(s.runId(), goLive, null, null);
        }));
    }

    UUID key(Setting s, String title) {
        return as(s.pm(), () -> reading.screen(s.runId())).steps().stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow().key();
    }

    RunScreen.StepRow step(Setting s, String title) {
        return as(s.pm(), () -> reading.screen(s.runId())).steps().stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow();
    }

    HypercareBoard board(Member member, Setting s) {
        return as(member, () -> hypercare.occurrences(s.runId()));
    }

    static List<HypercareBoard.Occurrence> of(HypercareBoard board, String title) {
        return board.occurrences().stream().filter(o -> o.title().equals(title)).toList();
    }

    @Test
    void checksAreDatedFromTheirSlotOnTheRunsClockOnceGoLiveIsDone() {
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        Setting s = goLiveRun(ZoneOffset.UTC, LocalDateTime.ofInstant(day.plus(Duration.ofHours(13)), ZoneOffset.UTC));
        HypercareBoard before = board(s.viewer(), s);
        assertThat(before.occurrences()).as("not dated before go-live").isEmpty();
        assertThat(before.checks()).extracting(HypercareBoard.Check::title, HypercareBoard.Check::rule, HypercareBoard.Check::expanded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Daily stand-up", "Daily at 09:00 for 3 days", false),
                        org.assertj.core.groups.Tuple.tuple("Watch errors", "Every 8 hours for 2 days", false));
        assertThat(before.exit().title()).isEqualTo("Hypercare exit review");

        goLive(s, s.t0().minus(Duration.ofHours(1)));

        HypercareBoard board = board(s.viewer(), s);
        // The stand-up's slot is T+2h (15:00): its first 09:00 is the next morning.
        assertThat(of(board, "Daily stand-up")).extracting(HypercareBoard.Occurrence::dueAt).containsExactly(
                day.plus(Duration.ofHours(24 + 9)), day.plus(Duration.ofHours(48 + 9)), day.plus(Duration.ofHours(72 + 9)));
        // The watch's slot is T0 (13:00): every 8 hours up to the same time two days later.
        assertThat(of(board, "Watch errors")).extracting(HypercareBoard.Occurrence::dueAt).containsExactly(
                day.plus(Duration.ofHours(21)), day.plus(Duration.ofHours(29)), day.plus(Duration.ofHours(37)),
                day.plus(Duration.ofHours(45)), day.plus(Duration.ofHours(53)), day.plus(Duration.ofHours(61)));
        assertThat(board.occurrences()).allSatisfy(o -> {
            assertThat(o.state()).isEqualTo(CheckState.OPEN);
            assertThat(o.mayTick()).as("a viewer watches").isFalse();
        });
    }

    @Test
    void eachOccurrenceIsTickedOrMissedOnItsOwnByTheChecksOwnersOrWhoeverRunsTheRun() {
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        Setting s = goLiveRun(ZoneOffset.UTC, LocalDateTime.ofInstant(day.plus(Duration.ofHours(13)), ZoneOffset.UTC));
        clock.advance(Duration.between(clock.instant(), s.t0().minus(Duration.ofHours(1))));
        as(s.pm(), () -> runs.start(s.runId()));
        as(s.pm(), () -> steps.complete(s.runId(), key(s, "Switch over"), null, null));
        as(s.pm(), () -> steps.complete(s.runId(), key(s, "Go live"), null, null));
        events.clear();

        clock.advance(Duration.between(clock.instant(), day.plus(Duration.ofHours(24 + 8)).plus(Duration.ofMinutes(30))));
        List<HypercareBoard.Occurrence> standUps = of(board(s.supportLead(), s), "Daily stand-up");
        assertThat(standUps).extracting(HypercareBoard.Occurrence::mayTick).containsExactly(true, false, false);
        assertThat(standUps).extracting(HypercareBoard.Occurrence::mayMiss).containsExactly(false, false, false);
        Long first = standUps.get(0).id();
        Long second = standUps.get(1).id();
        Long third = standUps.get(2).id();

        assertThatThrownBy(() -> as(s.bystander(), () -> hypercare.tick(s.runId(), first, null))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Support lead");
        assertThatThrownBy(() -> as(s.viewer(), () -> hypercare.tick(s.runId(), first, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(of(board(s.bystander(), s), "Daily stand-up")).noneMatch(HypercareBoard.Occurrence::mayTick);
        as(s.supportLead(), () -> hypercare.tick(s.runId(), first, "Two incidents, both closed"));
        assertThat(step(s, "Daily stand-up").state()).as("the first check starts the step").isEqualTo(StepState.IN_PROGRESS);
        assertThatThrownBy(() -> as(s.supportLead(), () -> hypercare.tick(s.runId(), first, null))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("is already done");
        assertThatThrownBy(() -> as(s.supportLead(), () -> hypercare.tick(s.runId(), second, null))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("it can be ticked from");
        assertThatThrownBy(() -> as(s.pm(), () -> hypercare.miss(s.runId(), second, "Nobody came"))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("once that time has passed");
        assertThat(events.stream(RunChanged.class)).extracting(RunChanged::change).containsExactly("HYPERCARE_CHECK_DONE");

        clock.advance(Duration.ofDays(2).plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> as(s.pm(), () -> hypercare.miss(s.runId(), second, " "))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("Say why");
        as(s.pm(), () -> hypercare.miss(s.runId(), second, "Bank holiday: nobody on site"));
        as(s.supportLead(), () -> hypercare.tick(s.runId(), third, null));

        HypercareBoard board = board(s.supportLead(), s);
        assertThat(of(board, "Daily stand-up")).extracting(HypercareBoard.Occurrence::state, HypercareBoard.Occurrence::recordedBy,
                HypercareBoard.Occurrence::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CheckState.DONE, s.supportLead().name(), "Two incidents, both closed"),
                org.assertj.core.groups.Tuple.tuple(CheckState.MISSED, s.pm().name(), "Bank holiday: nobody on site"),
                org.assertj.core.groups.Tuple.tuple(CheckState.DONE, s.supportLead().name(), null));
        assertThat(of(board, "Daily stand-up").get(1).alarming()).as("missed: shown in red").isTrue();
        assertThat(step(s, "Daily stand-up").state()).as("done with its last occurrence").isEqualTo(StepState.DONE);
        assertThat(step(s, "Daily stand-up").evidence()).isEqualTo("2 of 3 checks done, 1 missed");
        assertThat(of(board, "Watch errors")).allSatisfy(o -> assertThat(o.overdue()).isTrue());
        assertThat(as(s.pm(), () -> reading.screen(s.runId())).log()).extracting(RunScreen.LogLine::what)
                .anyMatch(what -> what.startsWith("Check done “Daily stand-up” (due "))
                .anyMatch(what -> what.startsWith("Check missed “Daily stand-up” (due "));
    }

    @Test
    void whoeverRunsTheRunSignsTheExitWithANoteWhichClosesTheOpenChecks() {
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        Setting s = goLiveRun(ZoneOffset.UTC, LocalDateTime.ofInstant(day.plus(Duration.ofHours(13)), ZoneOffset.UTC));
        goLive(s, s.t0().minus(Duration.ofHours(1)));
        Instant signing = day.plus(Duration.ofHours(24 + 12)); // after the first stand-up (+33h) and two watches (+21h, +29h) were due

        assertThat(board(s.supportLead(), s).exit().maySign()).isFalse();
        assertThatThrownBy(() -> as(s.supportLead(), () -> hypercare.signExit(s.runId(), "All quiet"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(s.pm(), () -> runs.recordAt(signing, () -> hypercare.signExit(s.runId(), "")))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("Say which exit criteria are met");
        as(s.pm(), () -> runs.recordAt(signing, () -> hypercare.signExit(s.runId(), "No P1 for 5 days; support accepted the handover")));

        HypercareBoard board = board(s.viewer(), s);
        assertThat(board.exit().signed()).isTrue();
        assertThat(board.exit().signedBy()).isEqualTo(s.pm().name());
        assertThat(board.exit().signedAt()).isEqualTo(signing);
        assertThat(board.exit().note()).isEqualTo("No P1 for 5 days; support accepted the handover");
        assertThat(of(board, "Daily stand-up")).extracting(HypercareBoard.Occurrence::state)
                .containsExactly(CheckState.MISSED, CheckState.CLOSED, CheckState.CLOSED);
        assertThat(of(board, "Watch errors")).extracting(HypercareBoard.Occurrence::state).containsExactly(
                CheckState.MISSED, CheckState.MISSED, CheckState.CLOSED, CheckState.CLOSED, CheckState.CLOSED, CheckState.CLOSED);
        assertThat(board.occurrences()).noneMatch(o -> o.mayTick() || o.mayMiss());
        assertThat(step(s, "Daily stand-up").evidence()).isEqualTo("0 of 3 checks done, 1 missed, 2 not needed (hypercare closed)");
        assertThat(step(s, "Hypercare exit review").state()).isEqualTo(StepState.DONE);
        assertThat(as(s.pm(), () -> reading.screen(s.runId())).log()).extracting(RunScreen.LogLine::what).contains("Hypercare exit signed");
        assertThatThrownBy(() -> as(s.pm(), () -> hypercare.signExit(s.runId(), "Again"))).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("already signed by " + s.pm().name());
    }

    @Test
    void acrossTheEndOfSummerTimeDailyChecksKeepTheirLocalTimeAndHourlyOnesTheirInterval() {
        ZoneId london = ZoneId.of("Europe/London");
        // Clocks go back on Sunday 25 October 2026 at 02:00 BST; T0 is Saturday 06:00 BST (05:00 UTC).
        Setting s = goLiveRun(london, LocalDateTime.of(2026, 10, 24, 6, 0));
        goLive(s, s.t0().minus(Duration.ofHours(1)));

        HypercareBoard board = board(s.pm(), s);
        assertThat(of(board, "Daily stand-up")).extracting(o -> o.dueAt().atZone(london).toLocalTime()).containsOnly(LocalTime.of(9, 0));
        assertThat(of(board, "Daily stand-up")).extracting(HypercareBoard.Occurrence::dueAt).containsExactly(
                Instant.parse("2026-10-24T08:00:00Z"), Instant.parse("2026-10-25T09:00:00Z"), Instant.parse("2026-10-26T09:00:00Z"));
        // Every 8 hours of elapsed time from T0 for two calendar days (49 hours, the Sunday has 25).
        assertThat(of(board, "Watch errors")).extracting(HypercareBoard.Occurrence::dueAt).containsExactly(
                Instant.parse("2026-10-24T13:00:00Z"), Instant.parse("2026-10-24T21:00:00Z"), Instant.parse("2026-10-25T05:00:00Z"),
                Instant.parse("2026-10-25T13:00:00Z"), Instant.parse("2026-10-25T21:00:00Z"), Instant.parse("2026-10-26T05:00:00Z"));
        assertThat(of(board, "Watch errors")).extracting(o -> o.dueAt().atZone(london).toLocalTime().getHour())
                .containsExactly(14, 22, 5, 13, 21, 5);
        assertThat(board.zone()).isEqualTo(london);
    }

    @Test
    void anotherOrganisationCanNeitherReadNorTickNorSign() {
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        Setting s = goLiveRun(ZoneOffset.UTC, LocalDateTime.ofInstant(day.plus(Duration.ofHours(13)), ZoneOffset.UTC));
        goLive(s, s.t0().minus(Duration.ofHours(1)));
        Long occurrence = board(s.pm(), s).occurrences().getFirst().id();
        Member intruder = fixtures.member(fixtures.tenant("Elsewhere"), Role.ADMIN);

        assertThatThrownBy(() -> as(intruder, () -> hypercare.occurrences(s.runId()))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> hypercare.tick(s.runId(), occurrence, "mine now"))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> hypercare.miss(s.runId(), occurrence, "mine now"))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> hypercare.signExit(s.runId(), "Over"))).isInstanceOf(RecordNotFoundException.class);

        // Nor does an occurrence answer under another run of its own organisation.
        Setting other = goLiveRun(ZoneOffset.UTC, LocalDateTime.ofInstant(day.plus(Duration.ofHours(13)), ZoneOffset.UTC));
        Member otherPm = other.pm();
        assertThatThrownBy(() -> as(otherPm, () -> hypercare.tick(other.runId(), occurrence, null))).isInstanceOf(RecordNotFoundException.class);
        assertThat(board(s.pm(), s).occurrences()).allMatch(o -> o.state() == CheckState.OPEN);
    }
}
