package app.cadence.cutover.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.domain.Verdict;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.DecisionConditions;
import app.cadence.cutover.service.GoNoGoVoting;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.shell.NotFoundView;
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
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.internal.CurrentInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.IntNode;

/**
 * The run screen, browserless: a PM runs a rehearsal, a contributor works their own steps, a
 * viewer watches, overrides and evidence are asked for, approvers vote, rollback is shown to
 * everyone, the screen follows other people's changes, and another tenant's run is not found.
 */
class RunViewTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired CutoverRuns runs;
    @Autowired RunStepWork steps;
    @Autowired GoNoGoVoting voting;
    @Autowired DecisionConditions conditions;
    @Autowired RunReading reading;
    @Autowired TestClock clock;

    Tenant tenant;
    Member pm;
    Member pmo;
    Member dataLead;
    Member networkEngineer;
    Member viewer;
    Long instanceId;
    Long runId;
    Instant t0;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Run screen");
        provisioning.changeTimeZone(tenant.id(), ZoneOffset.UTC);
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        dataLead = fixtures.member(tenant, Role.CONTRIBUTOR);
        networkEngineer = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
        Long projectId = fixtures.project(pm, "GL-" + UUID.randomUUID().toString().substring(0, 4), "Go-live");
        Long templateId = fixtures.publishedTemplate(pmo, "Go-live runbook", SampleTemplates.goLiveRunbook());
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusHours(4).withMinute(0).withSecond(0).withNano(0);
        t0 = at.toInstant(ZoneOffset.UTC);
        instanceId = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Go-live runbook", Anchors.at(at)));
        });
        // Planned to begin (T−3h) right now, so that starting at once keeps the actual T0 on plan.
        Instant plannedT0 = clock.instant().plus(Duration.ofHours(3));
        runId = as(pm, () -> runs.scheduleRehearsal(instanceId, plannedT0));
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    void as(Member member, Runnable action) {
        scope.run(member.userId(), member.tenantId(), action);
    }

    /** Another person's request: another thread, no UI of this test's session. */
    void elsewhere(Member member, Runnable action) {
        CompletableFuture.runAsync(() -> {
            CurrentInstance.clearAll();
            as(member, action);
        }).join();
    }

    UUID key(String title) {
        return as(pm, () -> reading.screen(runId)).steps().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().key();
    }

    void open(Member member) {
        login(member.authentication());
        navigate("runs/" + runId);
        assertThat(currentView()).isInstanceOf(RunView.class);
    }

    static RunView view() {
        return (RunView) UI.getCurrent().getCurrentView();
    }

    static Button button(String text) {
        return _get(Button.class, spec -> spec.withText(text));
    }

    static List<Button> buttons(String text) {
        return _find(Button.class, spec -> spec.withText(text));
    }

    static String text(String className) {
        return _get(Span.class, spec -> spec.withClasses(className)).getText();
    }

    /** The texts of a Now board column's cards. */
    static List<String> column(String className) {
        return _find(Span.class, spec -> spec.withClasses("now-card-title")).stream()
                .filter(s -> s.getParent().flatMap(Component::getParent).filter(c -> c.getClassNames().contains(className)).isPresent())
                .map(Span::getText).toList();
    }

    static Button cardAction(String columnClass, String title) {
        Div card = _find(Span.class, spec -> spec.withClasses("now-card-title")).stream()
                .filter(s -> s.getText().endsWith(" " + title))
                .map(s -> (Div) s.getParent().orElseThrow())
                .filter(c -> c.getParent().orElseThrow().getClassNames().contains(columnClass))
                .findFirst().orElseThrow();
        return card.getChildren().filter(Button.class::isInstance).map(Button.class::cast).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static void select(String title) {
        Grid<RunScreen.StepRow> grid = _get(Grid.class, spec -> spec.withClasses("runbook-grid"));
        RunScreen.StepRow row = grid.getListDataView().getItems().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
        grid.select(row);
    }

    static Button panelButton(String text) {
        return _find(Div.class, spec -> spec.withClasses("step-panel-actions")).stream().flatMap(Component::getChildren)
                .map(Button.class::cast).filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    static List<String> panelButtons() {
        return _find(Div.class, spec -> spec.withClasses("step-panel-actions")).stream()
                .flatMap(Component::getChildren).map(b -> ((Button) b).getText()).toList();
    }

    static void browserAnswers() {
        MockVaadin.runUIQueue();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(call -> call.isSubscribed()).forEach(call -> call.complete(IntNode.valueOf(0)));
    }

    static void awaitScreen(BooleanSupplier shows) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            browserAnswers();
            return shows.getAsBoolean();
        });
    }

    @Test
    void aPmStartsARehearsalAndTicksAStep() {
        open(pm);
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withClasses("run-name")).getText()).isEqualTo("Rehearsal 1");
        assertThat(text("run-clock-t")).isEqualTo("T\u221203:00:00");
        assertThat(text("run-clock-t0")).contains("(planned)");
        assertThat(_get(Div.class, spec -> spec.withClasses("run-banner-scheduled")).getElement().getTextRecursively()).contains("begins at T\u22123h");

        _click(button("Start the run"));
        _click(button("Start now"));

        assertThat(_get(Span.class, spec -> spec.withClasses("status-badge")).getText()).isEqualTo("Running");
        assertThat(text("run-clock-t0")).contains("(actual;");
        assertThat(column("now-ready")).containsExactly("#1 Freeze changes");
        _click(cardAction("now-ready", "Freeze changes"));
        assertThat(column("now-in-progress")).containsExactly("#1 Freeze changes");

        clock.advance(Duration.ofMinutes(100));
        assertThat(column("now-late")).isEmpty(); // the screen shows what it read when last changed
        _click(cardAction("now-in-progress", "Freeze changes"));
        assertThat(text("run-progress-text")).startsWith("1 of 4 steps done");
        assertThat(column("now-ready")).containsExactly("#2 Migrate data");
        // 40 minutes late on a step with 30 minutes of slack after it: the run ends 10 minutes late.
        assertThat(text("run-variance")).isEqualTo("+0:10 late");
        assertThat(column("now-late")).containsExactly("#2 Migrate data");
        assertThat(_find(Span.class, spec -> spec.withClasses("log-what")).stream().map(Span::getText))
                .contains("Done “Freeze changes”", "Started “Freeze changes”", "Rehearsal 1 started");
    }

    @Test
    void aContributorSeesOnlyTheirOwnStepsAsActionable() {
        as(pm, () -> runs.start(runId));
        as(pm, () -> runs.assignRole(runId, "Data lead", List.of(dataLead.userId())));
        open(dataLead);

        assertThat(column("now-mine")).containsExactly("#1 Freeze changes", "#2 Migrate data");
        assertThat(cardAction("now-mine", "Freeze changes").getText()).isEqualTo("Start");
        assertThat(buttons("Pause…")).isEmpty();
        assertThat(buttons("Invoke rollback…")).isEmpty();

        select("Switch DNS");
        assertThat(panelButtons()).isEmpty();
        select("Freeze changes");
        assertThat(panelButtons()).containsExactly("Start", "Done", "Skip");
        _click(panelButton("Start"));
        assertThat(as(pm, () -> reading.screen(runId)).steps().getFirst().state()).isEqualTo(StepState.IN_PROGRESS);
        assertThat(panelButtons()).containsExactly("Done", "Failed", "Skip", "Take back");
    }

    @Test
    void aViewerWatchesWithoutAnyAction() {
        as(pm, () -> runs.start(runId));
        as(pm, () -> runs.assignRole(runId, "Data lead", List.of(dataLead.userId())));
        open(viewer);

        // The run screen's own buttons (the header's notification bell is the layout's).
        assertThat(_find(_get(RunView.class), Button.class).stream().map(Button::getText).filter(t -> !t.isEmpty()).collect(Collectors.toSet()))
                .containsExactly("Keyboard shortcuts");
        assertThat(column("now-ready")).containsExactly("#1 Freeze changes");
        select("Freeze changes");
        assertThat(panelButtons()).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withClasses("roster-holders")).getText()).isEqualTo(dataLead.name());
    }

    @Test
    void startingAWaitingStepAsksForAnOverrideReason() {
        as(pm, () -> runs.start(runId));
        open(pm);
        select("Migrate data");
        _click(panelButton("Start"));

        TextArea reason = _get(TextArea.class, spec -> spec.withLabel("Why start it now?"));
        _click(button("Start anyway"));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("ask-problem")).getText()).contains("override with a reason");
        type(reason, "Freeze done by hand on the old console");
        _click(button("Start anyway"));

        assertThat(_find(TextArea.class, spec -> spec.withLabel("Why start it now?"))).isEmpty();
        assertThat(column("now-in-progress")).containsExactly("#2 Migrate data");
        assertThat(_find(Span.class, spec -> spec.withClasses("log-override"))).hasSize(1);
        assertThat(_find(Span.class, spec -> spec.withClasses("log-reason")).stream().map(Span::getText))
                .contains("Freeze done by hand on the old console");
    }

    @Test
    void aStepThatNeedsEvidenceAsksForItWhenDone() {
        as(pm, () -> runs.start(runId));
        as(pm, () -> steps.start(runId, key("Switch DNS"), "Rehearsing the DNS switch first"));
        open(pm);
        select("Switch DNS");
        _click(panelButton("Done"));

        TextField evidence = _get(TextField.class, spec -> spec.withLabel("Evidence (link or note)"));
        _click(button("Mark as done"));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("ask-problem")).getText()).contains("needs evidence");
        type(evidence, "https://tickets.example/CHG-42");
        _click(button("Mark as done"));

        RunScreen.StepRow dns = as(pm, () -> reading.screen(runId)).steps().stream().filter(s -> s.title().equals("Switch DNS")).findFirst().orElseThrow();
        assertThat(dns.state()).isEqualTo(StepState.DONE);
        assertThat(dns.evidence()).isEqualTo("https://tickets.example/CHG-42");
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("https://tickets.example/CHG-42"))).hasSize(1);
    }

    @Test
    void approversVoteAndTheDecisionShows() {
        as(pm, () -> runs.start(runId));
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId(), networkEngineer.userId())));
        as(pm, () -> steps.complete(runId, key("Freeze changes"), null, null));
        as(pm, () -> steps.complete(runId, key("Migrate data"), null, null));
        open(networkEngineer);

        assertThat(text("decision-outcome")).isEqualTo("Awaiting votes: 0 of 2");
        _click(button("GO"));
        _click(button("Vote go"));
        assertThat(text("decision-outcome")).isEqualTo("Awaiting votes: 1 of 2");
        assertThat(buttons("GO")).as("a vote cast can still change until all have voted").hasSize(1);

        elsewhere(pmo, () -> voting.vote(runId, key("Go/no-go"), Verdict.GO_WITH_CONDITIONS, "Keep the old system warm for a week"));
        awaitScreen(() -> text("decision-outcome").equals("Go with conditions"));
        assertThat(_get(Div.class, spec -> spec.withClasses("decision-conditions")).getElement().getTextRecursively())
                .contains(pmo.name() + ": Keep the old system warm for a week");
        assertThat(buttons("GO")).isEmpty();
        assertThat(column("now-ready")).containsExactly("#4 Switch DNS");
    }

    /** Both approvers voted GO WITH CONDITIONS: the checkpoint is done with two conditions to follow up. */
    void goneAheadWithTwoConditions() {
        as(pm, () -> runs.start(runId));
        as(pm, () -> runs.assignRole(runId, "Change board", List.of(pmo.userId(), networkEngineer.userId())));
        as(pm, () -> steps.complete(runId, key("Freeze changes"), null, null));
        as(pm, () -> steps.complete(runId, key("Migrate data"), null, null));
        as(pmo, () -> voting.vote(runId, key("Go/no-go"), Verdict.GO_WITH_CONDITIONS, "Keep the old system warm for a week"));
        as(networkEngineer, () -> voting.vote(runId, key("Go/no-go"), Verdict.GO_WITH_CONDITIONS, "Keep the DNS TTL low for a day"));
    }

    static List<String> conditionStates() {
        return _find(Span.class, spec -> spec.withClasses("condition-state")).stream().map(Span::getText).toList();
    }

    @Test
    void theApproverWhoSetAConditionMarksItMetAndTheRunLeadReopensIt() {
        goneAheadWithTwoConditions();
        open(networkEngineer);

        assertThat(_get(Div.class, spec -> spec.withClasses("decision-conditions")).getElement().getTextRecursively())
                .contains("Conditions · 0 of 2 met", pmo.name() + ": Keep the old system warm for a week",
                        networkEngineer.name() + ": Keep the DNS TTL low for a day");
        assertThat(conditionStates()).containsExactly("Open", "Open");
        assertThat(buttons("Mark met…")).as("only the condition they set").singleElement()
                .extracting(Button::getAriaLabel).isEqualTo(java.util.Optional.of("Mark met: " + networkEngineer.name() + "'s condition on Go/no-go"));

        _click(button("Mark met…"));
        TextArea note = _get(TextArea.class, spec -> spec.withLabel("Note (optional): how it was met"));
        assertThat(note.isRequiredIndicatorVisible()).isFalse();
        type(note, "TTL at 60 s on all resolvers");
        _click(button("Mark met"));

        assertThat(_find(TextArea.class, spec -> spec.withLabel("Note (optional): how it was met"))).as("the dialog closed").isEmpty();
        assertThat(conditionStates()).containsExactly("Open", "Met · " + networkEngineer.name() + ", " + RunTimes.of(
                as(pm, () -> reading.screen(runId)).header()).wall(clock.instant()));
        assertThat(_find(Span.class, spec -> spec.withClasses("condition-note")).stream().map(Span::getText)).containsExactly("TTL at 60 s on all resolvers");
        assertThat(_get(Div.class, spec -> spec.withClasses("decision-conditions")).getElement().getTextRecursively()).contains("Conditions · 1 of 2 met");
        assertThat(buttons("Mark met…")).isEmpty();
        assertThat(buttons("Reopen…")).hasSize(1);
        assertThat(_find(Span.class, spec -> spec.withClasses("log-what")).stream().map(Span::getText))
                .contains("Condition met on “Go/no-go”: “Keep the DNS TTL low for a day” (" + networkEngineer.name() + ")");

        login(pm.authentication());
        navigate("runs/" + runId);
        assertThat(buttons("Mark met…")).as("the run lead follows up every condition").hasSize(1);
        _click(button("Reopen…"));
        _click(button("Reopen"));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("ask-problem")).getText()).contains("Say why the condition is no longer met");
        type(_get(TextArea.class, spec -> spec.withLabel("Why is it no longer met?")), "Resolver 3 still caches for an hour");
        _click(button("Reopen"));
        assertThat(conditionStates()).containsExactly("Open", "Open · reopened by " + pm.name() + ", "
                + RunTimes.of(as(pm, () -> reading.screen(runId)).header()).wall(clock.instant()));
        assertThat(buttons("Mark met…")).hasSize(2);
    }

    @Test
    void aViewerSeesTheConditionsAndAnEndedRunOffersNoChange() {
        goneAheadWithTwoConditions();
        as(pmo, () -> conditions.markMet(runId, key("Go/no-go"), pmo.userId(), null));
        open(viewer);
        assertThat(conditionStates()).containsExactly("Met · " + pmo.name() + ", " + RunTimes.of(as(pm, () -> reading.screen(runId)).header())
                .wall(clock.instant()), "Open");
        assertThat(buttons("Mark met…")).isEmpty();
        assertThat(buttons("Reopen…")).isEmpty();

        login(pm.authentication());
        navigate("runs/" + runId);
        assertThat(buttons("Mark met…")).hasSize(1);
        elsewhere(pm, () -> runs.end(runId, app.cadence.cutover.domain.RunOutcome.COMPLETED, "Went live"));
        awaitScreen(() -> buttons("Mark met…").isEmpty());
        assertThat(buttons("Reopen…")).isEmpty();
        assertThat(conditionStates()).hasSize(2);
    }

    @Test
    void invokingRollbackShowsTheBannerToEveryone() {
        as(pm, () -> runs.start(runId));
        open(viewer);
        elsewhere(pm, () -> runs.invokeRollback(runId, "Data centre lost power"));
        awaitScreen(() -> !_find(Div.class, spec -> spec.withClasses("run-banner-rollback")).isEmpty());
        assertThat(_get(Div.class, spec -> spec.withClasses("run-banner-rollback")).getElement().getTextRecursively())
                .contains("Rollback invoked by " + pm.name(), "Data centre lost power");

        login(pm.authentication());
        navigate("runs/" + runId);
        assertThat(buttons("Invoke rollback…")).isEmpty();
        assertThat(column("now-ready")).containsExactly("#5 Restore the old system");
    }

    @Test
    void thePmInvokesRollbackWithAReasonAfterConfirming() {
        as(pm, () -> runs.start(runId));
        open(pm);
        _click(button("Invoke rollback…"));
        _click(button("Invoke rollback"));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("ask-problem")).getText()).contains("Say why rollback is invoked");
        type(_get(TextArea.class, spec -> spec.withLabel("Why roll back?")), "Migration corrupted the ledger");
        _click(button("Invoke rollback"));
        assertThat(_get(Div.class, spec -> spec.withClasses("run-banner-rollback")).getElement().getTextRecursively())
                .contains("Migration corrupted the ledger");
        assertThat(text("run-progress-text")).startsWith("0 of 1 steps done");
    }

    @Test
    void theScreenFollowsAnotherPersonsChangeAndKeepsItsFilterAndSelection() {
        as(pm, () -> runs.start(runId));
        as(pm, () -> runs.assignRole(runId, "Data lead", List.of(dataLead.userId())));
        open(pm);
        type(_get(TextField.class, spec -> spec.withClasses("runbook-search")), "migrate");
        select("Migrate data");

        elsewhere(dataLead, () -> steps.start(runId, key("Freeze changes"), null));

        awaitScreen(() -> column("now-in-progress").equals(List.of("#1 Freeze changes")));
        assertThat(_get(TextField.class, spec -> spec.withClasses("runbook-search")).getValue()).isEqualTo("migrate");
        assertThat(text("runbook-count")).isEqualTo("1 of 5 steps");
        assertThat(_get(Span.class, spec -> spec.withClasses("step-panel-title")).getText()).isEqualTo("#2 Migrate data");
    }

    /**
     * A link from one run to another in the same tab: Vaadin would reuse the view, which is built
     * around one run; the second run gets a view of its own that shows and follows that run only.
     */
    @Test
    void aLinkToAnotherRunShowsThatRunAndFollowsItsChanges() {
        Long second = as(pm, () -> runs.scheduleRehearsal(instanceId, clock.instant().plus(Duration.ofHours(3))));
        as(pm, () -> runs.start(second));
        open(pm);
        RunView first = view();

        navigate("runs/" + second);
        MockVaadin.runUIQueue();

        assertThat(view()).as("a view of its own").isNotSameAs(first);
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withClasses("run-name")).getText()).isEqualTo("Rehearsal 2");
        elsewhere(pm, () -> steps.start(second, as(pm, () -> reading.screen(second)).steps().getFirst().key(), null));
        awaitScreen(() -> column("now-in-progress").equals(List.of("#1 Freeze changes")));
    }

    /**
     * Someone else's change redraws the Now board while the person is about to click Start: the
     * button they see must still be the one on the screen (same component, same state node), or
     * Flow drops their click as an event for a component that no longer exists — seen 20–30 % of
     * the time with 30 people working one run (RunSimulationBenchmark).
     */
    @Test
    void aClickOnTheNowBoardSurvivesARedrawBySomeoneElsesChange() {
        as(pm, () -> runs.start(runId));
        as(pm, () -> runs.assignRole(runId, "Data lead", List.of(dataLead.userId())));
        open(dataLead);
        Button start = cardAction("now-mine", "Freeze changes");
        int node = start.getElement().getNode().getId();

        elsewhere(pm, () -> runs.assignRole(runId, "Data lead", List.of(dataLead.userId(), pm.userId())));
        awaitScreen(() -> _find(Span.class, spec -> spec.withClasses("now-card-owners")).stream().anyMatch(o -> o.getText().contains(pm.name())));

        assertThat(cardAction("now-mine", "Freeze changes")).isSameAs(start);
        assertThat(start.getElement().getNode().getId()).isEqualTo(node);
        assertThat(start.getElement().getNode().isAttached()).isTrue();
        _click(start);
        assertThat(column("now-in-progress")).containsExactly("#1 Freeze changes");
    }

    @Test
    void keyboardShortcutsMoveTheSelectionAndWorkTheSelectedStep() {
        as(pm, () -> runs.start(runId));
        open(pm);
        view().shortcut("j");
        assertThat(_get(Span.class, spec -> spec.withClasses("step-panel-title")).getText()).isEqualTo("#1 Freeze changes");
        view().shortcut("s");
        assertThat(column("now-in-progress")).containsExactly("#1 Freeze changes");
        view().shortcut("d");
        view().shortcut("j");
        assertThat(_get(Span.class, spec -> spec.withClasses("step-panel-title")).getText()).isEqualTo("#2 Migrate data");
        view().shortcut("k");
        assertThat(_get(Span.class, spec -> spec.withClasses("step-panel-title")).getText()).isEqualTo("#1 Freeze changes");
        assertThat(text("run-progress-text")).startsWith("1 of 4 steps done");
        view().shortcut("?");
        assertThat(_find(Span.class, spec -> spec.withClasses("shortcut-key")).stream().map(Span::getText)).contains("j", "k", "s", "d", "/");
    }

    @Test
    void anotherTenantsRunIsNotFound() {
        Member foreigner = fixtures.member(fixtures.tenant("Elsewhere"), Role.ADMIN);
        login(foreigner.authentication());
        navigate("runs/" + runId);
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }
}
