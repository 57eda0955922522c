package app.cadence.cutover;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.cutover.domain.CheckState;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.HypercareChecks;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.cutover.ui.HypercarePanel;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hypercare panel the run screen places: days with today first, ticks for those who may, missed in red, the exit sign-off. */
class HypercarePanelTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired CutoverRuns runs;
    @Autowired RunStepWork steps;
    @Autowired RunReading reading;
    @Autowired HypercareChecks hypercare;
    @Autowired TestClock clock;

    Member pm;
    Member supportLead;
    Member viewer;
    Long runId;
    Instant day;

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    @BeforeEach
    void wentLiveYesterday() {
        Tenant tenant = fixtures.tenant("Hypercare panel");
        provisioning.changeTimeZone(tenant.id(), ZoneOffset.UTC);
        Member pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        supportLead = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
        Long projectId = fixtures.project(pm, "HP-" + UUID.randomUUID().toString().substring(0, 4), "Hypercare panel");
        Long templateId = fixtures.publishedTemplate(pmo, "Runbook with hypercare", SampleTemplates.hypercareRunbook());
        day = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        Instant t0 = day.plus(Duration.ofHours(13));
        Long instanceId = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Runbook with hypercare",
                    Anchors.at(LocalDateTime.ofInstant(t0, ZoneOffset.UTC))));
        });
        runId = as(pm, () -> runs.scheduleLiveRun(instanceId, null));
        scope.run(pm.userId(), pm.tenantId(), () -> runs.assignRole(runId, "Support lead", List.of(supportLead.userId())));
        clock.advance(Duration.between(clock.instant(), t0.minus(Duration.ofHours(1))));
        var screen = as(pm, () -> reading.screen(runId));
        scope.run(pm.userId(), pm.tenantId(), () -> {
            runs.start(runId);
            screen.steps().stream().filter(s -> s.title().equals("Switch over") || s.title().equals("Go live"))
                    .forEach(s -> steps.complete(runId, s.key(), null, null));
        });
        // The next morning, half an hour before the stand-up; the night's error watch was not ticked.
        clock.advance(Duration.between(clock.instant(), day.plus(Duration.ofHours(24 + 8)).plus(Duration.ofMinutes(30))));
    }

    HypercarePanel place() {
        HypercarePanel panel = HypercarePanel.of(runId, hypercare);
        UI.getCurrent().add(panel);
        return panel;
    }

    @Test
    void theOwnerOfACheckTicksTodaysOccurrenceWithANote() {
        login(supportLead.authentication());
        HypercarePanel panel = place();

        List<H4> days = _find(panel, H4.class);
        assertThat(days.getFirst().getText()).startsWith("Today · ");
        assertThat(days).extracting(H4::getText).contains("Exit: Hypercare exit review");
        assertThat(_find(panel, Div.class, spec -> spec.withClasses("hypercare-missed"))).as("last night's watch, overdue")
                .isNotEmpty().allSatisfy(row -> assertThat(row.getElement().getTextRecursively()).contains("Watch errors"));

        _click(_get(panel, Button.class, spec -> spec.withPredicate(b -> ("Done: Daily stand-up of " + dayLabel(1) + " 09:00").equals(b.getAriaLabel().orElse(null)))));
        type(_get(_get(Dialog.class), TextArea.class), "Two incidents, both closed");
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Mark done")));

        assertThat(_find(Dialog.class)).isEmpty();
        var stored = as(pm, () -> hypercare.occurrences(runId)).occurrences().stream().filter(o -> o.title().equals("Daily stand-up")).toList();
        assertThat(stored.getFirst().state()).isEqualTo(CheckState.DONE);
        assertThat(stored.getFirst().note()).isEqualTo("Two incidents, both closed");
        assertThat(_find(panel, Button.class, spec -> spec.withPredicate(b -> ("Done: Daily stand-up of " + dayLabel(1) + " 09:00").equals(b.getAriaLabel().orElse(null))))).isEmpty();
        assertThat(_find(panel, Button.class, spec -> spec.withText("Sign hypercare exit"))).as("the run lead's").isEmpty();
    }

    @Test
    void aMissedCheckNeedsAReasonAndShowsInRed() {
        login(pm.authentication());
        HypercarePanel panel = place();
        _click(_find(panel, Button.class, spec -> spec.withText("Missed…")).getFirst());
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Mark missed")));
        assertThat(_get(_get(Dialog.class), TextArea.class).isInvalid()).as("a reason is required").isTrue();
        type(_get(_get(Dialog.class), TextArea.class), "Monitoring was down overnight");
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Mark missed")));

        assertThat(as(pm, () -> hypercare.occurrences(runId)).occurrences()).filteredOn(o -> o.state() == CheckState.MISSED)
                .singleElement().satisfies(o -> assertThat(o.note()).isEqualTo("Monitoring was down overnight"));
        assertThat(_find(panel, Div.class, spec -> spec.withClasses("hypercare-missed"))).isNotEmpty();
    }

    @Test
    void theRunLeadSignsTheExitAndAViewerOnlyReads() {
        login(viewer.authentication());
        HypercarePanel watching = place();
        assertThat(_find(watching, Button.class, spec -> spec.withText("Done"))).isEmpty();
        assertThat(_find(watching, Button.class, spec -> spec.withText("Sign hypercare exit"))).isEmpty();

        login(pm.authentication());
        HypercarePanel panel = place();
        type(_get(panel, TextArea.class, spec -> spec.withLabel("Exit criteria met")), "No P1 for 5 days; support accepted");
        _click(_get(panel, Button.class, spec -> spec.withText("Sign hypercare exit")));

        assertThat(_find(panel, Button.class, spec -> spec.withText("Sign hypercare exit"))).isEmpty();
        assertThat(_get(panel, Div.class, spec -> spec.withClasses("hypercare-exit")).getElement().getTextRecursively())
                .contains("Signed by " + pm.name()).contains("No P1 for 5 days; support accepted");
        assertThat(_find(panel, Button.class, spec -> spec.withText("Done"))).as("hypercare is closed").isEmpty();
    }

    private String dayLabel(int daysAfter) {
        return java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.UK).format(day.plus(Duration.ofDays(daysAfter)).atZone(ZoneOffset.UTC));
    }
}
