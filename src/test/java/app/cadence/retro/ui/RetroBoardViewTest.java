package app.cadence.retro.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.cadence.retro.domain.RetroPhase;
import app.cadence.retro.service.RetroActions;
import app.cadence.retro.service.RetroBoardWork;
import app.cadence.retro.service.RetroReading;
import app.cadence.retro.service.RetroSessions;
import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.ui.MyWorkView;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.internal.CurrentInstance;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.IntNode;

/**
 * The session board, browserless: the facilitator takes a team from check-in to close; a
 * participant's cards stay theirs until revealed; grouping from the keyboard; dots within the
 * budget; the timer and notes while discussing; an action that shows in its owner's My work; a
 * viewer watches; other people's changes arrive live without losing what is being typed; and
 * another tenant's board is not found.
 */
class RetroBoardViewTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired RetroSessions sessions;
    @Autowired RetroBoardWork board;
    @Autowired RetroActions actions;
    @Autowired RetroReading reading;
    @Autowired TestClock clock;
    @Autowired app.cadence.lessons.service.Lessons lessons;

    Tenant tenant;
    Member pm;
    Member ana;
    Member ben;
    Member viewer;
    Long sessionId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Retro board");
        provisioning.changeTimeZone(tenant.id(), ZoneOffset.UTC);
        Member pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        ana = fixtures.member(tenant, Role.CONTRIBUTOR);
        ben = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
        Long projectId = fixtures.project(pm, "RB-" + UUID.randomUUID().toString().substring(0, 4), "Retro board");
        Long templateId = fixtures.publishedTemplate(pmo, "Sprint retro", SampleTemplates.retrospective());
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusHours(1);
        Long instanceId = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Sprint 14 retro", Anchors.at(at)));
        });
        sessionId = as(pm, () -> sessions.sessionOf(instanceId)).orElseThrow();
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

    void open(Member member) {
        login(member.authentication());
        navigate("retros/" + sessionId);
        assertThat(currentView()).isInstanceOf(RetroBoardView.class);
    }

    static Button button(String text) {
        return _get(Button.class, spec -> spec.withText(text));
    }

    static List<String> cardTexts() {
        return _find(Span.class, spec -> spec.withClasses("retro-card-text")).stream().map(Span::getText).toList();
    }

    static String currentPhase() {
        return _get(Span.class, spec -> spec.withClasses("retro-phase-current")).getText();
    }

    static TextArea newCard(String column) {
        return _get(TextArea.class, spec -> spec.withPlaceholder("Add a card to “" + column + "”"));
    }

    void advanceTo(RetroPhase phase) {
        while (as(pm, () -> reading.phaseOf(sessionId)) != phase) {
            as(pm, () -> sessions.advance(sessionId));
        }
    }

    static void awaitScreen(BooleanSupplier shows) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            MockVaadin.runUIQueue();
            UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                    .filter(call -> call.isSubscribed()).forEach(call -> call.complete(IntNode.valueOf(0)));
            return shows.getAsBoolean();
        });
    }

    @Test
    void theFacilitatorTakesTheTeamFromCheckInToClose() {
        open(pm);
        assertThat(_get(H2.class, spec -> spec.withText("Sprint 14 retro"))).isNotNull();
        assertThat(currentPhase()).isEqualTo("Check-in");
        RadioButtonGroup<Integer> mood = _get(RadioButtonGroup.class, spec -> spec.withLabel("How was the sprint?"));
        type(mood, 4);
        _click(button("Reveal ratings"));
        assertThat(_find(Span.class, spec -> spec.withClasses("retro-average")).getFirst().getText()).isEqualTo("Average 4.0 of 5");

        _click(button("Next: Reflect"));
        assertThat(currentPhase()).isEqualTo("Reflect");
        type(newCard("To improve"), "Flaky integration tests");
        _click(_find(Button.class, spec -> spec.withText("Add card")).get(1));
        assertThat(cardTexts()).containsExactly("Flaky integration tests");
        assertThat(newCard("To improve").getValue()).as("cleared for the next card").isEmpty();

        _click(button("Reveal all cards"));
        _click(button("Next: Group"));
        assertThat(_find(Div.class, spec -> spec.withClasses("retro-topic"))).hasSize(1);
        _get(TextField.class, spec -> spec.withClasses("retro-group-name"));

        _click(button("Next: Vote"));
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Put a dot on Flaky integration tests")));
        assertThat(_get(Span.class, spec -> spec.withClasses("retro-votes-left")).getText()).startsWith("2 of 3 dots left");

        _click(button("Next: Discuss"));
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Discuss Flaky integration tests")));
        _click(button("Start timer"));
        assertThat(_get(Span.class, spec -> spec.withClasses("retro-timer")).getText()).isEqualTo("5:00");
        TextArea notes = _get(TextArea.class, spec -> spec.withLabel("Notes"));
        type(notes, "Quarantine the flaky suite.");
        type(_get(TextField.class, spec -> spec.withLabel("Action")), "Split the CI build in two");
        ComboBox<MemberSummary> owner = _get(ComboBox.class, spec -> spec.withLabel("Owner"));
        type(owner, owner.getListDataView().getItems().filter(m -> m.userId().equals(ana.userId())).findFirst().orElseThrow());
        _click(button("Add action"));
        assertThat(_find(Span.class, spec -> spec.withClasses("retro-action-title")).stream().map(Span::getText))
                .containsExactly("Split the CI build in two");

        _click(button("Next: Actions"));
        _click(button("Close the retrospective"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(currentPhase()).isEqualTo("Closed");
        assertThat(_get(Anchor.class, spec -> spec.withText("Summary (PDF)"))).isNotNull();
        assertThat(_find(Div.class, spec -> spec.withClasses("retro-theme-notes")).getFirst().getElement().getTextRecursively())
                .isEqualTo("Quarantine the flaky suite.");

        login(ana.authentication());
        navigate("my-work");
        assertThat(currentView()).isInstanceOf(MyWorkView.class);
        assertThat(_get(Div.class, spec -> spec.withClasses("my-retro-actions")).getElement().getTextRecursively())
                .contains("Split the CI build in two");
    }

    @Test
    void whileReflectingAParticipantSeesTheirOwnCardsAndOnlyACountOfOthers() {
        advanceTo(RetroPhase.REFLECT);
        UUID improve = as(pm, () -> reading.screen(sessionId)).board().columns().get(1).key();
        as(ben, () -> board.addCard(sessionId, improve, "Nobody reviews my pull requests"));
        open(ana);
        assertThat(cardTexts()).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withText("1 card by others, shown when the facilitator reveals them"))).isNotNull();
        assertThat(_find(Button.class, spec -> spec.withText("Next: Group"))).as("only the facilitator moves on").isEmpty();

        type(newCard("Went well"), "Pairing on the migration");
        _click(_find(Button.class, spec -> spec.withText("Add card")).getFirst());
        assertThat(cardTexts()).containsExactly("Pairing on the migration");

        elsewhere(pm, () -> sessions.revealCards(sessionId));
        awaitScreen(() -> cardTexts().size() == 2);
        assertThat(_find(Span.class, spec -> spec.withClasses("retro-card-author")).stream().map(Span::getText))
                .as("anonymous: only 'You' on one's own card").containsExactlyInAnyOrder("You", "");
    }

    @Test
    void cardsAreGroupedFromTheKeyboardAndAGroupNameBeingTypedSurvivesOthersRegrouping() {
        advanceTo(RetroPhase.REFLECT);
        UUID improve = as(pm, () -> reading.screen(sessionId)).board().columns().get(1).key();
        as(ana, () -> board.addCard(sessionId, improve, "Flaky tests"));
        as(ben, () -> board.addCard(sessionId, improve, "Slow CI"));
        as(ben, () -> board.addCard(sessionId, improve, "Build breaks on Fridays"));
        advanceTo(RetroPhase.GROUP);
        open(ana);
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Move “Slow CI” to another topic")));
        ComboBox<Long> where = _get(ComboBox.class, spec -> spec.withClasses("retro-move-target"));
        Long flakyTopic = where.getListDataView().getItems().filter(id -> id != GroupPanel.OWN_TOPIC)
                .filter(id -> where.getItemLabelGenerator().apply(id).equals("Flaky tests")).findFirst().orElseThrow();
        type(where, flakyTopic);
        _click(button("Move"));
        assertThat(_find(Div.class, spec -> spec.withClasses("retro-topic"))).hasSize(2);

        TextField name = _find(TextField.class, spec -> spec.withClasses("retro-group-name")).getFirst();
        com.vaadin.flow.component.ComponentUtil.fireEvent(name, new com.vaadin.flow.component.FocusNotifier.FocusEvent<>(name, true));
        name.setValue("Pipeline p");
        Long friday = as(pm, () -> reading.screen(sessionId)).board().topics().stream()
                .filter(t -> t.title().equals("Build breaks on Fridays")).findFirst().orElseThrow().cards().getFirst().id();
        elsewhere(ben, () -> {
            board.group(friday, flakyTopic);
            board.renameGroup(flakyTopic, "CI problems");
        });
        awaitScreen(() -> _find(Div.class, spec -> spec.withClasses("retro-topic")).size() == 1);
        assertThat(_find(TextField.class, spec -> spec.withClasses("retro-group-name")).getFirst().getValue())
                .as("Ana is still in the field: Ben's name waits").isEqualTo("Pipeline p");

        com.vaadin.flow.component.ComponentUtil.fireEvent(name, new com.vaadin.flow.component.BlurNotifier.BlurEvent<>(name, true));
        elsewhere(ben, () -> board.renameGroup(flakyTopic, "CI problems, again"));
        awaitScreen(() -> _find(TextField.class, spec -> spec.withClasses("retro-group-name")).getFirst().getValue().equals("CI problems, again"));
    }

    @Test
    void aTopicUnderDiscussionIsRecordedAsALessonThatLinksBackToTheBoard() {
        advanceTo(RetroPhase.REFLECT);
        UUID improve = as(pm, () -> reading.screen(sessionId)).board().columns().get(1).key();
        as(ana, () -> board.addCard(sessionId, improve, "Data load finished after UAT began"));
        as(pm, () -> sessions.revealCards(sessionId));
        advanceTo(RetroPhase.DISCUSS);
        Long topic = as(pm, () -> reading.screen(sessionId)).board().topics().getFirst().groupId();
        as(pm, () -> sessions.discuss(sessionId, topic));
        as(ana, () -> board.writeNotes(topic, "Gate UAT on a signed reconciliation."));

        open(ana);
        _click(_get(Button.class, spec -> spec.withText("Record as lesson")));
        TextField title = _get(TextField.class, spec -> spec.withLabel("Title"));
        assertThat(title.getValue()).isEqualTo("Data load finished after UAT began");
        assertThat(_get(TextArea.class, spec -> spec.withLabel("What happened")).getValue())
                .contains("• Data load finished after UAT began").contains("Gate UAT on a signed reconciliation.");
        type(_get(TextArea.class, spec -> spec.withLabel("Recommendation")), "Start UAT only on reconciled data.");
        type(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withLabel("Category")), app.cadence.lessons.domain.LessonCategory.PLANNING);
        _click(_get(Button.class, spec -> spec.withText("Record lesson")));

        var recorded = as(ana, () -> lessons.search(app.cadence.lessons.service.LessonFilter.none(),
                org.springframework.data.domain.Sort.unsorted(), 0, 10));
        assertThat(recorded).singleElement().satisfies(row -> {
            var details = as(ana, () -> lessons.details(row.id()));
            assertThat(details.source().kind()).isEqualTo(app.cadence.lessons.domain.LessonSource.RETRO_GROUP);
            assertThat(details.source().link()).isEqualTo("/retros/" + sessionId);
            assertThat(details.recordedBy()).isEqualTo(ana.name());
        });
    }

    @Test
    void aViewerWatchesWithoutControls() {
        advanceTo(RetroPhase.REFLECT);
        open(viewer);
        assertThat(_find(TextArea.class, spec -> spec.withClasses("retro-new-card"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Reveal all cards"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withClasses("retro-phase-hint")).getText()).contains("You are watching");
    }

    @Test
    void anotherTenantsBoardIsNotFound() {
        Member intruder = fixtures.member(fixtures.tenant("Intruder"), Role.ADMIN);
        login(intruder.authentication());
        navigate("retros/" + sessionId);
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void theInstancePageLeadsToTheBoard() {
        Long instanceId = as(pm, () -> reading.screen(sessionId)).instanceId();
        login(ana.authentication());
        navigate("instances/" + instanceId);
        Anchor link = _get(Anchor.class, spec -> spec.withText("Open the session board"));
        assertThat(link.getHref()).isEqualTo("retros/" + sessionId);
        assertThat(_get(Div.class, spec -> spec.withClasses("retro-session-link")).getElement().getTextRecursively()).contains("Check-in");
    }
}
