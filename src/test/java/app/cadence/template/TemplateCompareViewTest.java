package app.cadence.template;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.Fixtures.Member;
import app.cadence.support.KaribuTest;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.VersionSummary;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The template page, issue C10 items 4 and 5: a version's XLSX link beside the JSON one; Compare
 * over several versions (cumulative, each change with the version that made it, a reordering of
 * predecessors no change); each step's description and rollback opened from the content grid.
 */
class TemplateCompareViewTest extends KaribuTest {

    @Autowired TemplateLibrary library;
    @Autowired TenantScope scope;

    final UUID section = UUID.randomUUID();
    final UUID freeze = UUID.randomUUID();
    final UUID backup = UUID.randomUUID();
    final UUID migrate = UUID.randomUUID();
    Member pmo;
    Member viewer;
    Long template;

    TemplateContent runbook(String freezeTitle, int backupMinutes, List<UUID> migrateAfter) {
        return new TemplateContent(TemplateKind.CUTOVER, List.of(new TemplateSection(section, "Preparation", SectionRole.PREPARATION, List.of(
                new CutoverStep(freeze, freezeTitle, "No deployments from Friday 18:00", StepType.TASK, -300, 30, "Release manager", List.of(),
                        "A deployment slipped through", "Roll the deployment back", false),
                new CutoverStep(backup, "Backup", null, StepType.TASK, -240, backupMinutes, "DBA", List.of(), null, null, false),
                new CutoverStep(migrate, "Migrate", null, StepType.TASK, -60, 60, "DBA", migrateAfter, null, null, false)))), null);
    }

    @BeforeEach
    void threeVersions() {
        var tenant = fixtures.tenant("Compare");
        pmo = fixtures.member(tenant, Role.PMO);
        viewer = fixtures.member(tenant, Role.VIEWER);
        template = fixtures.publishedTemplate(pmo, "Weekend runbook", runbook("Freeze", 60, List.of(freeze, backup)));
        publish(runbook("Freeze all changes", 60, List.of(freeze, backup)), "Clearer freeze");
        publish(runbook("Freeze all changes", 90, List.of(backup, freeze)), "Longer backup");
    }

    void publish(TemplateContent content, String note) {
        scope.call(pmo.userId(), pmo.tenantId(), () -> {
            library.startDraft(template);
            long version = library.details(template).versions().getFirst().version();
            library.saveDraft(template, version, content);
            return library.publish(template, note);
        });
    }

    @SuppressWarnings("unchecked")
    Select<VersionSummary> select(String label) {
        return _get(Select.class, spec -> spec.withLabel(label));
    }

    VersionSummary version(Select<VersionSummary> select, int number) {
        return select.getListDataView().getItems().filter(v -> v.number() != null && v.number() == number).findFirst().orElseThrow();
    }

    static List<String> texts(String className) {
        return _find(Div.class, spec -> spec.withClasses(className)).stream().map(d -> d.getElement().getTextRecursively()).toList();
    }

    @Test
    void comparingAcrossVersionsShowsTheCumulativeChangeAndTheVersionThatMadeEachPart() {
        login(viewer.authentication());
        navigate("templates/" + template);
        _click(_get(Button.class, spec -> spec.withText("Compare versions…")));

        // Consecutive by default: version 3 against 2. Migrate's predecessors were only reordered: no change.
        assertThat(texts("comparison-entry")).containsExactly("Changed Backup (Preparation)");
        assertThat(texts("comparison-field")).containsExactly("Duration: “1h” → “1h 30m”");

        type(select("From"), version(select("From"), 1));
        assertThat(texts("comparison-entry")).containsExactly("Changed Freeze all changes (Preparation) · in version 2",
                "Changed Backup (Preparation) · in version 3");
        assertThat(texts("comparison-field")).containsExactly("Title: “Freeze” → “Freeze all changes”", "Duration: “1h” → “1h 30m”");
        assertThat(texts("comparison-versions")).singleElement().asString()
                .contains("Version 2: Clearer freeze (1 change)", "Version 3: Longer backup (1 change)");

        // Chosen the other way round, it still reads from the older to the newer.
        type(select("From"), version(select("From"), 3));
        type(select("To"), version(select("To"), 1));
        assertThat(texts("comparison-entry")).containsExactly("Changed Freeze all changes (Preparation) · in version 2",
                "Changed Backup (Preparation) · in version 3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachStepsDescriptionAndRollbackOpenUnderItAndTheVersionExportsAsXlsx() {
        login(viewer.authentication());
        navigate("templates/" + template);

        assertThat(_get(Anchor.class, spec -> spec.withText("Export version 3 as XLSX")).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withText("Export version 3 as JSON")).getHref()).isNotBlank();

        TreeGrid<Object> grid = _get(TreeGrid.class);
        Object freezeLine = GridKt._get(grid, 1);
        Component toggle = GridKt._getCellComponent(grid, 1, "details");
        assertThat(toggle).isInstanceOf(Button.class);
        assertThat(((Button) toggle).getText()).isEqualTo("Show");
        assertThat(GridKt._getCellComponent(grid, 2, "details")).as("Backup has nothing more to show").isNotInstanceOf(Button.class);
        assertThat(grid.isDetailsVisible(freezeLine)).isFalse();

        _click((Button) toggle);
        assertThat(grid.isDetailsVisible(freezeLine)).isTrue();
        assertThat(GridKt._getItemDetailsComponent(grid, freezeLine).getElement().getTextRecursively())
                .contains("Description", "No deployments from Friday 18:00", "Rollback trigger", "A deployment slipped through",
                        "Rollback instructions", "Roll the deployment back")
                .doesNotContain("Release manager"); // already in its column
        _click((Button) GridKt._getCellComponent(grid, 1, "details"));
        assertThat(grid.isDetailsVisible(freezeLine)).isFalse();

        Checkbox all = _get(Checkbox.class, spec -> spec.withClasses("show-all-details"));
        assertThat(all.getLabel()).isEqualTo("Show every step's description and rollback");
        type(all, true);
        assertThat(grid.isDetailsVisible(freezeLine)).isTrue();
        type(all, false);
        assertThat(grid.isDetailsVisible(freezeLine)).isFalse();
    }
}
