package app.cadence.work;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.MyWorkRow;
import app.cadence.work.domain.PlannedItem;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.ItemWork;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.ui.InstanceView;
import app.cadence.work.ui.MyWorkView;
import app.cadence.project.ui.ProjectView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.template.service.TemplateViews.ApplicableTemplate;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InstanceViewsTest extends KaribuTest {

    @Autowired InstanceApplication applying;

    @Autowired InstanceReading reading;

    @Autowired ItemWork itemWork;
    @Autowired TenantScope scope;
    @Autowired TestClock clock;
    @Autowired app.cadence.template.service.StarterLibrary starterLibrary;
    @Autowired app.cadence.tenancy.service.TenantProvisioning provisioning;

    Tenant tenant;
    Member pmo;
    Member pm;
    Member contributor;
    Member viewer;
    Long projectId;
    Long templateId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Views");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        contributor = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
        projectId = fixtures.project(pm, "ERP-01", "ERP go-live");
        templateId = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    Long applied() {
        Long version = as(pm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow().latest().id());
        LocalDateTime t0 = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(2).withSecond(0).withNano(0);
        return as(pm, () -> applying.instantiate(new InstantiationRequest(projectId, templateId, version, "Live runbook", Anchors.at(t0))));
    }

    ItemView item(Long instanceId, String title) {
        return as(pm, () -> reading.details(instanceId)).items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPmAppliesATemplateFromTheProjectAfterPreviewingTheDueDates() {
        login(pm.authentication());
        navigate("projects/" + projectId);
        assertThat(_get(Span.class, spec -> spec.withClasses("empty-state")).getText()).startsWith("No templates applied yet.");
        _click(_get(Button.class, spec -> spec.withText("Apply a template")));

        ComboBox<ApplicableTemplate> template = _get(ComboBox.class, spec -> spec.withLabel("Template"));
        type(template, template.getListDataView().getItems().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow());
        DateTimePicker t0 = _get(DateTimePicker.class, spec -> spec.withLabel("T0 (switch-over) date and time"));
        // The project goes live on 1 June 2026: T0 defaults to 18:00 that day.
        assertThat(t0.getValue()).isEqualTo(LocalDateTime.of(2026, 6, 1, 18, 0));
        Grid<PlannedItem> preview = _get(Grid.class, spec -> spec.withClasses("plan-preview"));
        assertThat(GridKt._size(preview)).isEqualTo(4);
        assertThat(GridKt._getFormattedRow(preview, 1)).contains("Load data", "Mon 1 Jun 2026 17:00 UTC", "Data lead");

        type(t0, LocalDateTime.of(2026, 6, 2, 18, 0));
        assertThat(GridKt._getFormattedRow(preview, 1)).contains("Tue 2 Jun 2026 17:00 UTC");
        TextField name = _get(TextField.class, spec -> spec.withLabel("Name"));
        assertThat(name.getValue()).startsWith("Runbook");
        type(name, "Live runbook");
        _click(_get(Button.class, spec -> spec.withText("Create")));

        assertThat(currentView()).isInstanceOf(InstanceView.class);
        NotificationsKt.expectNotifications("“Live runbook” created on ERP-01.");
        TreeGrid<?> items = _get(TreeGrid.class);
        assertThat(GridKt._size(items)).isEqualTo(2 + 4); // two section rows, four items
        assertThat(_get(Span.class, spec -> spec.withClasses("progress-text")).getText()).startsWith("0 of 3 done (0%)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTemplatesPageOffersToApplyItToAProject() {
        login(pm.authentication());
        navigate("templates/" + templateId);
        _click(_get(Button.class, spec -> spec.withText("Apply to a project…")));

        assertThat(currentView()).isInstanceOf(app.cadence.work.ui.ApplyTemplateView.class);
        ComboBox<ApplicableTemplate> template = _get(ComboBox.class, spec -> spec.withLabel("Template"));
        assertThat(template.getValue().id()).isEqualTo(templateId);
        ComboBox<app.cadence.project.domain.ProjectRow> project = _get(ComboBox.class, spec -> spec.withLabel("Project"));
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(project.isInvalid()).isTrue();
        assertThat(project.getErrorMessage()).isEqualTo("Choose the project to apply the template to.");

        type(project, project.getDataProvider().fetch(new com.vaadin.flow.data.provider.Query<>()).map(p -> (app.cadence.project.domain.ProjectRow) p)
                .filter(p -> p.id().equals(projectId)).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(currentView()).isInstanceOf(InstanceView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRetrospectiveIsAppliedForItsSessionWithPromptsThatAreNotDue() {
        Long retroId = fixtures.publishedTemplate(pmo, "Sprint retro", SampleTemplates.retrospective());
        login(pm.authentication());
        navigate("apply?project=" + projectId);
        ComboBox<ApplicableTemplate> template = _get(ComboBox.class, spec -> spec.withLabel("Template"));
        type(template, template.getListDataView().getItems().filter(t -> t.id().equals(retroId)).findFirst().orElseThrow());
        type(_get(DateTimePicker.class, spec -> spec.withLabel("Session date and time")), LocalDateTime.of(2026, 6, 12, 14, 0));

        Grid<PlannedItem> preview = _get(Grid.class, spec -> spec.withClasses("plan-preview"));
        assertThat(GridKt._size(preview)).isEqualTo(4);
        assertThat(preview.getColumnByKey("due").isVisible()).as("the preview's Due column").isFalse();
        _click(_get(Button.class, spec -> spec.withText("Create")));

        assertThat(currentView()).isInstanceOf(InstanceView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("instance-subtitle")).getText()).contains("Session Fri 12 Jun 2026 14:00");
        assertThat(_get(TreeGrid.class).getColumnByKey("due").isVisible()).as("the instance's Due column").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStarterCommunicationPlanIsAppliedWithStartEndAndGoLive() {
        starterLibrary.installInto(tenant.id());
        login(pm.authentication());
        navigate("apply?project=" + projectId);
        ComboBox<ApplicableTemplate> template = _get(ComboBox.class, spec -> spec.withLabel("Template"));
        type(template, template.getListDataView().getItems().filter(t -> t.name().equals("Project communication plan")).findFirst().orElseThrow());

        assertThat(_find(DateTimePicker.class)).allMatch(p -> !p.isVisible());
        com.vaadin.flow.component.datepicker.DatePicker goLive = _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withLabel("Go-live"));
        assertThat(goLive.getValue()).isEqualTo(java.time.LocalDate.of(2026, 6, 1)); // the project's go-live
        Grid<PlannedItem> preview = _get(Grid.class, spec -> spec.withClasses("plan-preview"));
        assertThat(GridKt._size(preview)).isGreaterThan(3);
        assertThat(_get(Span.class, spec -> spec.withClasses("preview-summary")).getText()).contains("items from Project communication plan version 1");

        type(_get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withLabel("Plan end")), java.time.LocalDate.of(2025, 1, 1));
        assertThat(GridKt._size(preview)).isZero();
        assertThat(_get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withLabel("Plan end")).getErrorMessage())
                .isEqualTo("The plan cannot end before it starts.");
        type(_get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withLabel("Plan end")), java.time.LocalDate.of(2026, 7, 31));
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(currentView()).isInstanceOf(InstanceView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("instance-subtitle")).getText())
                .contains("Communication plan", "to 31 Jul 2026, go-live 1 Jun 2026");
    }

    @Test
    void theItemPanelSavesStatusAndRequiresAReasonForBlocked() {
        Long id = applied();
        ItemView extract = item(id, "Extract legacy data");
        login(pm.authentication());
        navigate("instances/" + id + "?item=" + extract.id());

        Select<ItemStatus> status = statusField();
        type(status, ItemStatus.BLOCKED);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        TextField reason = _get(TextField.class, spec -> spec.withLabel("Why is it blocked?"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Say why “Extract legacy data” is blocked.");

        type(reason, "Legacy database locked by the nightly batch");
        type(_get(TextArea.class, spec -> spec.withLabel("Notes")), "Called the ops desk");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        ItemView saved = item(id, "Extract legacy data");
        assertThat(saved.status()).isEqualTo(ItemStatus.BLOCKED);
        assertThat(saved.blockedReason()).isEqualTo("Legacy database locked by the nightly batch");
        assertThat(saved.notes()).isEqualTo("Called the ops desk");
        assertThat(_get(Span.class, spec -> spec.withClasses("progress-text")).getText()).contains("1 blocked");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPmSelectsItemsAndChangesThemTogether() {
        Long id = applied();
        login(pm.authentication());
        navigate("instances/" + id);
        TreeGrid<Object> grid = _get(TreeGrid.class);
        List<Object> itemRows = grid.getTreeData().getRootItems().stream().flatMap(s -> grid.getTreeData().getChildren(s).stream()).toList();
        grid.asMultiSelect().select(itemRows.subList(0, 2));

        ComboBox<app.cadence.tenancy.service.MemberSummary> assignee = _get(ComboBox.class, spec -> spec.withPlaceholder("Assign to…"));
        // Fetched as the person types: a viewer may not be given work and is not offered.
        assertThat(assignee.getLazyDataView().getItems().map(m -> m.userId())).contains(pm.userId(), contributor.userId())
                .doesNotContain(viewer.userId());
        type(assignee, assignee.getLazyDataView().getItems().filter(m -> m.userId().equals(contributor.userId())).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Assign")));
        NotificationsKt.expectNotifications("2 items assigned to " + contributor.name() + ".");

        TreeGrid<Object> reloaded = _get(TreeGrid.class);
        List<Object> rows = reloaded.getTreeData().getRootItems().stream().flatMap(s -> reloaded.getTreeData().getChildren(s).stream()).toList();
        reloaded.asMultiSelect().select(rows.get(0), rows.get(1), rows.get(3));
        Select<ItemStatus> bulkStatus = _get(Select.class, spec -> spec.withPlaceholder("Set status…"));
        type(bulkStatus, ItemStatus.NOT_APPLICABLE);
        _click(_get(Button.class, spec -> spec.withText("Apply status")));
        NotificationsKt.expectNotifications("3 items set to Not applicable.");

        List<ItemView> after = as(pm, () -> reading.details(id)).items();
        assertThat(after).filteredOn(i -> contributor.userId().equals(i.assigneeUserId())).hasSize(2);
        assertThat(after).filteredOn(i -> i.status() == ItemStatus.NOT_APPLICABLE).hasSize(3);
        // The third row set not applicable is the rollback step, which counts only if rollback is invoked anyway.
        assertThat(_get(Span.class, spec -> spec.withClasses("progress-text")).getText())
                .startsWith("0 of 1 done (0%) · 2 not applicable, not counted · 1 rollback step counted only if rollback is invoked");
    }

    @Test
    @SuppressWarnings("unchecked")
    void myWorkListsAssignedItemsAndCompletesOne() throws ReflectiveOperationException {
        Long id = applied();
        List<ItemRef> refs = as(pm, () -> reading.details(id)).items().stream().limit(2).map(i -> new ItemRef(i.id(), i.version())).toList();
        as(pm, () -> itemWork.bulkAssign(id, refs, contributor.userId()));
        login(contributor.authentication());
        navigate("my-work");

        assertThat(currentView()).isInstanceOf(MyWorkView.class);
        Grid<MyWorkRow> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).title()).isEqualTo("Extract legacy data");
        MyWorkRow first = GridKt._get(grid, 0);
        assertThat(renderedProperty(grid, "item", 0, "href")).as("the link opens the item on its checklist")
                .isEqualTo("instances/" + id + "?item=" + first.itemId());
        assertThat(renderedProperty(grid, "item", 0, "title")).isEqualTo("Extract legacy data");
        assertThat(renderedProperty(grid, "action", 0, "markLabel")).isEqualTo("Mark “Extract legacy data” done");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("my-work-summary")).getText()).startsWith("2 outstanding items assigned to you");
        invokeRendered(grid, "action", 0, "markDone");
        NotificationsKt.expectNotifications("“Extract legacy data” marked done.");
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("my-work-summary")).getText()).startsWith("1 outstanding item assigned to you");
        assertThat(item(id, "Extract legacy data").completedBy()).isEqualTo(contributor.name());

        navigate("instances/" + id + "?item=" + GridKt._get(grid, 0).itemId());
        assertThat(_get(com.vaadin.flow.component.html.H3.class, spec -> spec.withText("Load data"))).isNotNull();
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Notes")).isReadOnly()).isFalse();
        assertThat(_get(ComboBox.class, spec -> spec.withLabel("Assignee")).isReadOnly()).isTrue();
    }

    /** An item that asks for evidence is not done in one click from My work: the row says so, and a sent click changes nothing. */
    @Test
    @SuppressWarnings("unchecked")
    void myWorkAsksForEvidenceBeforeAnItemNeedingItIsDone() throws ReflectiveOperationException {
        Long id = applied();
        ItemView signOff = item(id, "Business sign-off");
        as(pm, () -> itemWork.bulkAssign(id, List.of(new ItemRef(signOff.id(), signOff.version())), contributor.userId()));
        login(contributor.authentication());
        navigate("my-work");

        Grid<MyWorkRow> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(renderedProperty(grid, "action", 0, "markLabel")).as("no one-click button; the template shows 'Needs evidence'").isEqualTo("");
        invokeRendered(grid, "action", 0, "markDone");
        assertThat(item(id, "Business sign-off").status()).isEqualTo(ItemStatus.OPEN);
        assertThat(GridKt._size(grid)).isEqualTo(1);
    }

    @Test
    void aConflictNamesWhoChangedTheItemAndKeepsTheInput() {
        Long id = applied();
        ItemView load = item(id, "Load data");
        provisioning.changeTimeZone(tenant.id(), java.time.ZoneId.of("Europe/London"));
        login(pmo.authentication());
        navigate("instances/" + id + "?item=" + load.id());
        type(_get(TextArea.class, spec -> spec.withLabel("Notes")), "PMO: checked the target sizing");

        // Meanwhile the PM changes the same item.
        as(pm, () -> itemWork.update(ItemUpdate.from(load).withStatus(ItemStatus.IN_PROGRESS, null)));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        Paragraph conflict = _get(Paragraph.class, spec -> spec.withClasses("item-conflict"));
        assertThat(conflict.getText()).startsWith(pm.name() + " saved this item at").contains("still in the fields")
                .containsPattern("at \\d+ \\w+ 2026, \\d\\d:\\d\\d (GMT|BST) while"); // in the organisation's zone
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Notes")).getValue()).isEqualTo("PMO: checked the target sizing");
        assertThat(item(id, "Load data").notes()).isNull();

        _click(_get(Button.class, spec -> spec.withText("Show their version")));
        assertThat(statusField().getValue()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Notes")).getValue()).isEmpty();
        // What the PMO typed is still on screen, to copy.
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("item-kept-input")).getText())
                .isEqualTo("Your notes (not saved): PMO: checked the target sizing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGridsQuickActionMarksAnItemDoneAndIsOfferedOnlyWhereAllowed() throws Exception {
        Long id = applied();
        login(pm.authentication());
        navigate("instances/" + id);
        TreeGrid<Object> grid = _get(TreeGrid.class);
        // Row 0 is the section heading, 1 the extract: rendered in the browser (a Lit template), no component per row.
        assertThat(GridKt._getFormatted(grid, 0, "action")).isEmpty();
        assertThat(GridKt._getFormatted(grid, 1, "status")).isEqualTo(ItemStatus.OPEN.label());
        assertThat(renderedProperty(grid, "action", 1, "markClass")).isEqualTo("mark-done");
        assertThat(renderedProperty(grid, "action", 1, "markLabel")).isEqualTo("Mark “Extract legacy data” done");
        assertThat(renderedProperty(grid, "action", 0, "markClass")).as("a section heading has no action").isEqualTo("");

        // The title column's toggle closes and opens a section (row 0), as TreeGrid's own hierarchy column does.
        int rows = GridKt._size(grid);
        invokeRendered(grid, "title", 0, "onClick");
        assertThat(GridKt._size(grid)).as("the section closed").isLessThan(rows);
        invokeRendered(grid, "title", 0, "onClick");
        assertThat(GridKt._size(grid)).as("the section open again").isEqualTo(rows);
        assertThat(GridKt._getFormatted(grid, 1, "title")).startsWith("Extract legacy data");

        invokeRendered(grid, "action", 1, "markDone");
        NotificationsKt.expectNotifications("“Extract legacy data” marked done.");
        assertThat(item(id, "Extract legacy data").status()).isEqualTo(ItemStatus.DONE);
        assertThat(GridKt._getFormatted(grid, 1, "status")).isEqualTo(ItemStatus.DONE.label());
        assertThat(renderedProperty(grid, "action", 1, "markClass")).as("done: no action left").isEqualTo("");

        login(viewer.authentication());
        navigate("instances/" + id);
        TreeGrid<Object> viewersGrid = _get(TreeGrid.class);
        assertThat(renderedProperty(viewersGrid, "action", 2, "markClass")).as("a viewer's row").isEqualTo("");
        // A viewer's browser could still send the function for a row it was sent: nothing changes.
        invokeRendered(viewersGrid, "action", 2, "markDone");
        assertThat(item(id, "Load data").status()).isEqualTo(ItemStatus.OPEN);
    }

    /** A property a column's Lit template gets for a row, as the browser receives it. */
    @SuppressWarnings("unchecked")
    private static Object renderedProperty(Grid<?> grid, String column, int row, String property) {
        var renderer = (com.vaadin.flow.data.renderer.LitRenderer<Object>) grid.getColumnByKey(column).getRenderer();
        return renderer.getValueProviders().get(property).apply(GridKt._get(grid, row));
    }

    /** The browser calls a function of a column's Lit template for a row (an {@code @click=${fn}} in it). */
    @SuppressWarnings("unchecked")
    private static void invokeRendered(Grid<?> grid, String column, int row, String function) throws ReflectiveOperationException {
        var renderer = (com.vaadin.flow.data.renderer.LitRenderer<Object>) grid.getColumnByKey(column).getRenderer();
        var callables = com.vaadin.flow.data.renderer.LitRenderer.class.getDeclaredField("clientCallables");
        callables.setAccessible(true);
        var byName = (java.util.Map<String, com.vaadin.flow.function.SerializableBiConsumer<Object, tools.jackson.databind.node.ArrayNode>>) callables.get(renderer);
        byName.get(function).accept(GridKt._get(grid, row), tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode());
    }

    @Test
    void aViewerReadsWithoutControls() {
        Long id = applied();
        ItemView load = item(id, "Load data");
        login(viewer.authentication());
        navigate("projects/" + projectId);
        assertThat(_find(Button.class, spec -> spec.withText("Apply a template"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Override health"))).isEmpty();

        navigate("instances/" + id + "?item=" + load.id());
        assertThat(_find(Button.class, spec -> spec.withText("Mark done"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Save")).stream().filter(b -> b.isVisible())).isEmpty();
        assertThat(statusField().isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withText("Remove"))).allMatch(b -> !b.isVisible());

        navigate("apply?project=" + projectId);
        assertThat(currentView()).isNotInstanceOf(app.cadence.work.ui.ApplyTemplateView.class);
    }

    @Test
    void anotherTenantsInstanceIsNotFoundByUrl() {
        Long id = applied();
        ItemView load = item(id, "Load data");
        Member stranger = fixtures.member(fixtures.tenant("Elsewhere"), Role.ADMIN);
        login(stranger.authentication());
        navigate("instances/" + id + "?item=" + load.id());
        assertThat(currentView()).isInstanceOf(app.cadence.shell.NotFoundView.class);
        navigate("projects/" + projectId);
        assertThat(currentView()).isInstanceOf(app.cadence.shell.NotFoundView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProjectWithNothingAppliedIsNotAssessedAndCanOnlyBeSetToRedAmberOrGreen() {
        login(pm.authentication());
        navigate("projects/" + projectId);

        Span badge = _get(Span.class, spec -> spec.withClasses("health-badge"));
        assertThat(badge.getText()).isEqualTo("Not assessed");
        assertThat(badge.getClassNames()).contains("health-not-assessed");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("health-reason")).getText()).isEqualTo("No templates applied yet.");

        _click(_get(Button.class, spec -> spec.withText("Override health")));
        com.vaadin.flow.component.radiobutton.RadioButtonGroup<app.cadence.project.domain.Health> health =
                _get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withLabel("Health"));
        assertThat(health.getListDataView().getItems()).containsExactly(app.cadence.project.domain.Health.RED,
                app.cadence.project.domain.Health.AMBER, app.cadence.project.domain.Health.GREEN);
        assertThat(health.getValue()).as("a judgement is asked for, not preselected").isNull();
        type(_get(TextArea.class, spec -> spec.withLabel("Reason")), "Kick-off went badly");
        _click(_get(Button.class, spec -> spec.withText("Set health")));
        assertThat(health.isInvalid()).isTrue();
        assertThat(health.getErrorMessage()).isEqualTo("Choose red, amber or green.");

        type(health, app.cadence.project.domain.Health.RED);
        _click(_get(Button.class, spec -> spec.withText("Set health")));
        assertThat(_get(Span.class, spec -> spec.withClasses("health-badge")).getText()).isEqualTo("Red");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("health-override-note")).getText())
                .endsWith("Computed: Not assessed — No templates applied yet.");
    }

    @Test
    void theProjectPageShowsHealthInstancesAndHistory() {
        Long id = applied();
        ItemView extract = item(id, "Extract legacy data");
        as(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));
        login(pm.authentication());
        navigate("projects/" + projectId);

        assertThat(currentView()).isInstanceOf(ProjectView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("health-reason")).getText()).isEqualTo("Nothing overdue or blocked.");
        @SuppressWarnings("unchecked")
        Grid<app.cadence.work.domain.InstanceProgress> applied = _get(Grid.class, spec -> spec.withClasses("instances-grid"));
        assertThat(GridKt._size(applied)).isEqualTo(1);
        assertThat(GridKt._getCellComponent(applied, 0, "progress").getElement().getTextRecursively()).isEqualTo("1 of 3 done"); // the rollback step counts only once invoked
        _click(_get(Button.class, spec -> spec.withText("Override health")));
        type(_get(TextArea.class, spec -> spec.withLabel("Reason")), "Supplier at risk");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.radiobutton.RadioButtonGroup<app.cadence.project.domain.Health> health =
                _get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withLabel("Health"));
        type(health, app.cadence.project.domain.Health.AMBER);
        _click(_get(Button.class, spec -> spec.withText("Set health")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("health-reason")).getText()).isEqualTo("Supplier at risk");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("health-override-note")).getText())
                .startsWith("Set by hand by " + pm.name());
        @SuppressWarnings("unchecked")
        Grid<app.cadence.audit.service.AuditTrail.Entry> history = _get(Grid.class, spec -> spec.withClasses("history-grid"));
        assertThat(GridKt._get(history, 0).field()).isEqualTo("Health override");
        assertThat(GridKt._getFormattedRow(history, 0)).contains(pm.name(), "Amber: Supplier at risk");
        assertThat(java.util.stream.IntStream.range(0, GridKt._size(history)).mapToObj(i -> GridKt._getFormattedRow(history, i)))
                .anySatisfy(row -> assertThat(row).contains("“Extract legacy data” in “Live runbook” · Status", "Open", "Done"));
    }

    @Test
    void openingAnotherItemOrClosingAsksBeforeDroppingUnsavedInput() throws Exception {
        Long id = applied();
        ItemView extract = item(id, "Extract legacy data");
        login(pm.authentication());
        navigate("instances/" + id + "?item=" + extract.id());
        type(_get(TextArea.class, spec -> spec.withLabel("Notes")), "Half-written note");

        // Row 0 is the section heading, 1 the extract, 2 "Load data": its title is a button (in the browser's template).
        TreeGrid<Object> grid = _get(TreeGrid.class);
        assertThat(renderedProperty(grid, "title", 2, "title")).isEqualTo("Load data");
        invokeRendered(grid, "title", 2, "open");
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Discard your changes?");
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel(confirm);
        assertThat(_get(com.vaadin.flow.component.html.H3.class, spec -> spec.withText("Extract legacy data"))).isNotNull();
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Notes")).getValue()).isEqualTo("Half-written note");

        _click(_get(Button.class, spec -> spec.withText("Close")));
        com.vaadin.flow.component.confirmdialog.ConfirmDialog closing = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(closing);
        assertThat(_find(TextArea.class, spec -> spec.withLabel("Notes"))).isEmpty(); // panel closed
        assertThat(item(id, "Extract legacy data").notes()).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Select<ItemStatus> statusField() {
        return _get(Select.class, spec -> spec.withLabel("Status"));
    }
}
