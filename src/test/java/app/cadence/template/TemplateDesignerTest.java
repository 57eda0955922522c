package app.cadence.template;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.shell.AccessDeniedView;
import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.KaribuTest;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.domain.StepRecurrence;
import app.cadence.template.ui.TemplateDesignerView;
import app.cadence.template.ui.TemplateView;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TemplateDesignerTest extends KaribuTest {

    @Autowired TemplateLibrary library;
    @Autowired TenantScope scope;

    Member pmo;

    @BeforeEach
    void signInAsPmo() {
        pmo = fixtures.member(fixtures.tenant("Designer"), Role.PMO);
        login(pmo.authentication());
    }

    @Test
    void aPmoBuildsACutoverRunbookPublishesItAndReworksItInANewDraft() {
        Long id = create(TemplateKind.CUTOVER, "Go-live runbook");
        navigate("templates/" + id);
        _click(_get(Button.class, spec -> spec.withText("Edit draft")));
        assertThat(currentView()).isInstanceOf(TemplateDesignerView.class);

        _click(_get(Button.class, spec -> spec.withText("Add section")));
        type(_get(TextField.class, spec -> spec.withPredicate(t -> "Section title".equals(t.getAriaLabel().orElse(null)))), "Go-live night");
        addStep("Freeze transports", StepType.TASK, "-1d", "1h");
        addStep("Go/no-go: migration signed off", StepType.GO_NO_GO, "-2h", "30m", "Freeze transports");
        addStep("Rollback database", StepType.TASK, "+1h", "4h");

        // Making the first step wait for the checkpoint would close a loop: refused, naming it.
        rowAction("Freeze transports", "Edit “Freeze transports”");
        selectPredecessor("Go/no-go: migration signed off");
        _click(_get(Button.class, spec -> spec.withText("Apply")));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<CutoverStep> predecessors = _get(MultiSelectComboBox.class);
        assertThat(predecessors.isInvalid()).isTrue();
        assertThat(predecessors.getErrorMessage()).isEqualTo(
                "These predecessors would form a cycle: Freeze transports → Go/no-go: migration signed off → Freeze transports. Remove one of them.");
        _click(_get(Button.class, spec -> spec.withText("Cancel")));

        _click(_get(Button.class, spec -> spec.withText("Save draft *")));
        TemplateContent saved = draftOf(id);
        assertThat(saved.sections()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Go-live night");
            assertThat(s.role()).isEqualTo(SectionRole.EXECUTION);
        });
        assertThat(saved.items().map(i -> (CutoverStep) i).toList()).extracting(CutoverStep::title, CutoverStep::offsetMinutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Freeze transports", -1440),
                        org.assertj.core.groups.Tuple.tuple("Go/no-go: migration signed off", -120),
                        org.assertj.core.groups.Tuple.tuple("Rollback database", 60));

        navigate("templates/" + id);
        _click(_get(Button.class, spec -> spec.withText("Publish draft…")));
        type(_get(TextArea.class, spec -> spec.withLabel("What changed in this version?")), "First runbook");
        _click(_get(Button.class, spec -> spec.withText("Publish")));
        assertThat(_find(Button.class, spec -> spec.withText("Start a new draft"))).hasSize(1);

        // Version 2: the new draft starts as a copy of version 1; move a step up and publish again.
        _click(_get(Button.class, spec -> spec.withText("Start a new draft")));
        assertThat(currentView()).isInstanceOf(TemplateDesignerView.class);
        rowAction("Rollback database", "Move “Rollback database” up");
        _click(_get(Button.class, spec -> spec.withText("Save draft *")));
        int v2 = scope.call(pmo.userId(), pmo.tenantId(), () -> library.publish(id, "Rollback before the checkpoint"));
        assertThat(v2).isEqualTo(2);
        var versions = scope.call(pmo.userId(), pmo.tenantId(), () -> library.details(id)).versions();
        var diff = scope.call(pmo.userId(), pmo.tenantId(), () -> library.compare(id, versions.get(1).id(), versions.get(0).id()));
        assertThat(diff.entries()).extracting(e -> e.change().name() + " " + e.title())
                .containsExactlyInAnyOrder("MOVED Go/no-go: migration signed off", "MOVED Rollback database");
    }

    @Test
    void aStepStartingBeforeItsPredecessorFinishesIsFlaggedInTheDesignerAndPublishingAsksToConfirm() {
        Long id = create(TemplateKind.CUTOVER, "Overlapping runbook");
        navigate("templates/design/" + id);
        _click(_get(Button.class, spec -> spec.withText("Add section")));
        addStep("Freeze changes", StepType.TASK, "-2h", "30m");
        addStep("Start data migration", StepType.TASK, "-2h", "1h", "Freeze changes");

        String warning = "“Start data migration” is planned to start at T−2h, before its predecessor “Freeze changes” finishes at T−1h 30m.";
        assertThat(shownWarnings()).containsExactly(warning);
        // The step that starts too early is marked in its section and in the timeline; its predecessor is not.
        assertThat(markedRows()).hasSize(2).allSatisfy(row -> assertThat(row).contains("T−2h", "Start data migration"));

        // A warning is not an error: the draft saves with it.
        _click(_get(Button.class, spec -> spec.withText("Save draft *")));
        assertThat(draftOf(id).scheduleWarnings()).extracting(w -> w.message()).containsExactly(warning);
        assertThat(shownWarnings()).containsExactly(warning);

        // Publishing lists the warning and waits for the publisher to confirm the timings.
        navigate("templates/" + id);
        _click(_get(Button.class, spec -> spec.withText("Publish draft…")));
        Dialog dialog = _get(Dialog.class);
        assertThat(_find(dialog, com.vaadin.flow.component.html.ListItem.class)).extracting(li -> li.getText()).containsExactly(warning);
        type(_get(TextArea.class, spec -> spec.withLabel("What changed in this version?")), "Overlap agreed with the DBAs");
        Button publish = _get(dialog, Button.class, spec -> spec.withText("Publish"));
        assertThat(publish.isEnabled()).isFalse();
        type(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withLabel("I have checked these timings")), true);
        _click(publish);
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(scope.call(pmo.userId(), pmo.tenantId(), () -> library.details(id)).versions().getFirst().number()).isEqualTo(1);

        // In the next draft, moving the step after its predecessor clears the warning and the marks.
        _click(_get(Button.class, spec -> spec.withText("Start a new draft")));
        assertThat(shownWarnings()).containsExactly(warning);
        rowAction("Start data migration", "Edit “Start data migration”");
        type(_get(TextField.class, spec -> spec.withLabel("Offset from T0")), "-1h 30m");
        _click(_get(Button.class, spec -> spec.withText("Apply")));
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("schedule-warnings"))).isEmpty();
        assertThat(markedRows()).isEmpty();
    }

    @Test
    void aSectionTurnedIntoRollbackIsCheckedOnlyAgainstItsOwnSteps() {
        Long id = create(TemplateKind.CUTOVER, "Rollback runbook");
        navigate("templates/design/" + id);
        _click(_get(Button.class, spec -> spec.withText("Add section")));
        addStep("Back up the database", StepType.TASK, "-1d", "4h");
        _click(_get(Button.class, spec -> spec.withText("Add section")));
        @SuppressWarnings("unchecked")
        List<Button> addItem = _find(Button.class, spec -> spec.withText("Add item"));
        _click(addItem.get(1));
        type(_get(TextField.class, spec -> spec.withLabel("Title")), "Restore the database");
        type(_get(TextField.class, spec -> spec.withLabel("Offset from T0")), "-1d");
        type(_get(TextField.class, spec -> spec.withLabel("Planned duration")), "2h");
        selectPredecessor("Back up the database");
        _click(_get(Button.class, spec -> spec.withText("Add")));
        assertThat(shownWarnings()).singleElement().asString().startsWith("“Restore the database” is planned to start at T−1d");

        // A rollback step runs when rollback is invoked: its offset against a go-live step is not compared.
        @SuppressWarnings("unchecked")
        List<Select<SectionRole>> phases = (List<Select<SectionRole>>) (List<?>) _find(Select.class,
                spec -> spec.withPredicate(sel -> "Section role".equals(sel.getAriaLabel().orElse(null))));
        type(phases.get(1), SectionRole.ROLLBACK);
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("schedule-warnings"))).isEmpty();
        assertThat(markedRows()).isEmpty();
    }

    @Test
    void aStepOfAHypercareSectionMayRecurDailyAtATime() {
        Long id = create(TemplateKind.CUTOVER, "Hypercare runbook");
        navigate("templates/design/" + id);
        _click(_get(Button.class, spec -> spec.withText("Add section")));
        _click(_get(Button.class, spec -> spec.withText("Add item")));
        assertThat(_find(Select.class, spec -> spec.withPredicate(sel -> "Recurs".equals(sel.getAriaLabel().orElse(null)))))
                .as("only hypercare checks recur").isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Cancel")));

        @SuppressWarnings("unchecked")
        Select<SectionRole> phase = _get(Select.class, spec -> spec.withPredicate(sel -> "Section role".equals(sel.getAriaLabel().orElse(null))));
        type(phase, SectionRole.HYPERCARE);
        _click(_get(Button.class, spec -> spec.withText("Add item")));
        type(_get(TextField.class, spec -> spec.withLabel("Title")), "Daily stand-up");
        type(_get(TextField.class, spec -> spec.withLabel("Offset from T0")), "+1d");
        Select<Object> recurs = recursSelect();
        assertThat(recurs.isVisible()).isTrue();
        type(recurs, recurs.getListDataView().getItems().filter(m -> m.toString().equals("DAILY_AT")).findFirst().orElseThrow());
        type(_get(com.vaadin.flow.component.timepicker.TimePicker.class, spec -> spec.withLabel("At")), java.time.LocalTime.of(9, 30));
        type(_get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withLabel("For (days)")), 10);
        _click(_get(Button.class, spec -> spec.withText("Add")));
        _click(_get(Button.class, spec -> spec.withText("Save draft *")));

        assertThat(draftOf(id).items().map(i -> (CutoverStep) i)).singleElement()
                .satisfies(step -> assertThat(step.recurrence()).isEqualTo(new StepRecurrence.DailyAt(java.time.LocalTime.of(9, 30), 10)));
    }

    @SuppressWarnings("unchecked")
    private static Select<Object> recursSelect() {
        return _get(Select.class, spec -> spec.withPredicate(sel -> "Recurs".equals(sel.getAriaLabel().orElse(null))));
    }

    @Test
    void aSoundDraftPublishesWithoutTheTimingsQuestion() {
        Long id = create(TemplateKind.CUTOVER, "Sound runbook");
        navigate("templates/design/" + id);
        _click(_get(Button.class, spec -> spec.withText("Add section")));
        addStep("Freeze changes", StepType.TASK, "-2h", "30m");
        addStep("Start data migration", StepType.TASK, "-1h 30m", "1h", "Freeze changes");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("schedule-warnings"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Save draft *")));

        navigate("templates/" + id);
        _click(_get(Button.class, spec -> spec.withText("Publish draft…")));
        assertThat(_find(com.vaadin.flow.component.checkbox.Checkbox.class)).isEmpty();
        assertThat(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Publish")).isEnabled()).isTrue();
    }

    @Test
    void aRetrospectiveGetsColumnsARatingAndItsSettings() {
        Long id = create(TemplateKind.RETROSPECTIVE, "Quarterly retro");
        navigate("templates/design/" + id);
        type(_get(TextField.class, spec -> spec.withLabel("Format")), "Start / Stop / Continue");
        _click(_get(Button.class, spec -> spec.withText("Add section")));
        _click(_get(Button.class, spec -> spec.withText("Add item")));
        type(_get(TextField.class, spec -> spec.withLabel("Title")), "Start");
        type(_get(TextArea.class, spec -> spec.withLabel("Prompt")), "What should we start doing?");
        _click(_get(Button.class, spec -> spec.withText("Add")));
        _click(_get(Button.class, spec -> spec.withText("Add item")));
        type(_get(TextField.class, spec -> spec.withLabel("Title")), "Schedule");
        type(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withLabel("Rating question (1–5) instead of a board column")), true);
        _click(_get(Button.class, spec -> spec.withText("Add")));
        _click(_get(Button.class, spec -> spec.withText("Save draft *")));

        TemplateContent saved = draftOf(id);
        assertThat(saved.retro().format()).isEqualTo("Start / Stop / Continue");
        assertThat(saved.items().map(i -> (RetroPrompt) i).toList()).extracting(RetroPrompt::title, RetroPrompt::rating)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Start", false), org.assertj.core.groups.Tuple.tuple("Schedule", true));
    }

    @Test
    void aCommunicationPlanEntryNeedsItsAudience() {
        Long id = create(TemplateKind.COMMUNICATION_PLAN, "Comms plan");
        navigate("templates/design/" + id);
        _click(_get(Button.class, spec -> spec.withText("Add section")));
        _click(_get(Button.class, spec -> spec.withText("Add item")));
        type(_get(TextField.class, spec -> spec.withLabel("Title")), "Weekly status report");
        _click(_get(Button.class, spec -> spec.withText("Add")));
        TextField audience = _get(TextField.class, spec -> spec.withLabel("Audience"));
        assertThat(audience.isInvalid()).isTrue();
        assertThat(audience.getErrorMessage()).isEqualTo("Enter who receives this communication.");
        type(audience, "Project board");
        _click(_get(Button.class, spec -> spec.withText("Add")));
        assertThat(_find(Dialog.class)).isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Save draft *")));

        assertThat(draftOf(id).items().map(i -> (CommunicationEntry) i).toList())
                .singleElement().satisfies(e -> assertThat(e.audience()).isEqualTo("Project board"));
    }

    @Test
    void leavingWithUnsavedChangesAsksFirst() {
        Long id = create(TemplateKind.CUTOVER, "Unsaved runbook");
        navigate("templates/design/" + id);
        _click(_get(Button.class, spec -> spec.withText("Add section")));
        navigate("templates");
        assertThat(currentView()).isInstanceOf(TemplateDesignerView.class);
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class));
        assertThat(currentView()).isInstanceOf(TemplateDesignerView.class);
    }

    @Test
    void readersCannotOpenTheDesigner() {
        Long id = create(TemplateKind.CUTOVER, "Read only runbook");
        login(fixtures.member(fixtures.tenant("Other"), Role.PMO).authentication());
        navigate("templates/design/" + id);
        assertThat(currentView()).isInstanceOf(NotFoundView.class);

        Member pm = fixtures.join(pmo, fixtures.tenant("PmOnly"), Role.PM);
        login(pm.authentication());
        navigate("templates/design/" + id);
        assertThat(currentView()).isInstanceOfAny(NotFoundView.class, AccessDeniedView.class);
    }

    private void addStep(String title, StepType stepType, String offset, String duration, String... after) {
        _click(_get(Button.class, spec -> spec.withText("Add item")));
        type(_get(TextField.class, spec -> spec.withLabel("Title")), title);
        @SuppressWarnings("unchecked")
        Select<StepType> typeSelect = _get(Select.class, spec -> spec.withLabel("Type"));
        type(typeSelect, stepType);
        type(_get(TextField.class, spec -> spec.withLabel("Offset from T0")), offset);
        type(_get(TextField.class, spec -> spec.withLabel("Planned duration")), duration);
        for (String predecessor : after) {
            selectPredecessor(predecessor);
        }
        _click(_get(Button.class, spec -> spec.withText("Add")));
        assertThat(_find(Dialog.class)).as("the editor closed after adding " + title).isEmpty();
    }

    /** Clicks a button in the actions cell of the item's row (Karibu does not walk grid cells by itself). */
    @SuppressWarnings("unchecked")
    private void rowAction(String itemTitle, String ariaLabel) {
        for (Grid<?> any : _find(Grid.class)) {
            Grid<app.cadence.template.domain.TemplateItem> grid = (Grid<app.cadence.template.domain.TemplateItem>) any;
            if (grid.getColumnByKey("actions") == null) {
                continue;
            }
            for (int row = 0; row < GridKt._size(grid); row++) {
                if (GridKt._get(grid, row).title().equals(itemTitle)) {
                    com.vaadin.flow.component.Component cell = GridKt._getCellComponent(grid, row, "actions");
                    _click(_get(cell, Button.class, spec -> spec.withPredicate(b -> ariaLabel.equals(b.getAriaLabel().orElse(null)))));
                    return;
                }
            }
        }
        throw new AssertionError("No row “" + itemTitle + "” with an action “" + ariaLabel + "”");
    }

    private List<String> shownWarnings() {
        com.vaadin.flow.component.html.Div list = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("schedule-warnings"));
        return _find(list, com.vaadin.flow.component.html.ListItem.class).stream().map(li -> li.getText()).toList();
    }

    /** The rows of every grid on screen (the sections' and the timeline) marked as starting too early, as text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<String> markedRows() {
        List<String> marked = new java.util.ArrayList<>();
        for (Grid grid : _find(Grid.class)) {
            for (int row = 0; row < GridKt._size(grid); row++) {
                Object item = GridKt._get(grid, row);
                if (grid.getPartNameGenerator() != null && "schedule-warning".equals(grid.getPartNameGenerator().apply(item))) {
                    marked.add(String.join(" ", GridKt._getFormattedRow(grid, row)));
                }
            }
        }
        return marked;
    }

    private void selectPredecessor(String title) {
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<CutoverStep> combo = _get(MultiSelectComboBox.class);
        CutoverStep step = combo.getListDataView().getItems().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
        java.util.Set<CutoverStep> selected = new java.util.HashSet<>(combo.getValue());
        selected.add(step);
        type(combo, Set.copyOf(selected));
    }

    private Long create(TemplateKind kind, String name) {
        return scope.call(pmo.userId(), pmo.tenantId(), () -> library.create(kind, name, null));
    }

    private TemplateContent draftOf(Long id) {
        return scope.call(pmo.userId(), pmo.tenantId(), () -> library.draft(id)).orElseThrow().content();
    }
}
