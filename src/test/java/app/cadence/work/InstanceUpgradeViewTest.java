package app.cadence.work;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateSection;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The instance page offers a newer version, previews the upgrade, upgrades and undoes it. */
class InstanceUpgradeViewTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired ProjectService projects;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;

    Member pmo;
    Member pm;
    Member viewer;
    Long templateId;
    Long instanceId;
    TemplateContent v1;

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    @BeforeEach
    void setUp() {
        Tenant tenant = fixtures.tenant("Upgrades");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        viewer = fixtures.member(tenant, Role.VIEWER);
        Long projectId = fixtures.project(pmo, "ERP-01", "ERP go-live");
        as(pmo, () -> {
            ProjectForm form = projects.load(projectId);
            form.setPmUserId(pm.userId());
            return projects.update(form);
        });
        v1 = SampleTemplates.runbook();
        templateId = fixtures.publishedTemplate(pmo, "Runbook", v1);
        Long version = as(pm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow().latest().id());
        instanceId = as(pm, () -> applying.instantiate(new InstantiationRequest(projectId, templateId, version, "Live runbook",
                Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)))));
        ItemView extract = as(pm, () -> reading.details(instanceId)).items().getFirst();
        as(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));
        publishV2();
    }

    /** Version 2: the first step dropped, a reconciliation step added after loading. */
    void publishV2() {
        List<TemplateSection> sections = new ArrayList<>();
        for (TemplateSection s : v1.sections()) {
            List<TemplateItem> items = new ArrayList<>();
            for (TemplateItem i : s.items()) {
                if (i.title().equals("Extract legacy data")) {
                    continue;
                }
                items.add(i instanceof CutoverStep step && !step.predecessors().isEmpty() && step.title().equals("Load data")
                        ? new CutoverStep(step.key(), step.title(), null, step.type(), step.offsetMinutes(), step.durationMinutes(),
                        step.ownerRole(), List.of(), null, null, false) : i);
                if (i.title().equals("Load data")) {
                    items.add(new CutoverStep(UUID.randomUUID(), "Reconcile totals", null, StepType.TASK, -90, 30, "Finance",
                            List.of(i.key()), null, null, true));
                }
            }
            sections.add(new TemplateSection(s.key(), s.title(), s.role(), items));
        }
        TemplateContent v2 = new TemplateContent(v1.kind(), sections, null);
        fixtures.publishNextVersion(pmo, templateId, v2);
    }

    @Test
    void thePmPreviewsUpgradesAndUndoes() {
        login(pm.authentication());
        navigate("instances/" + instanceId);
        assertThat(_get(Span.class, spec -> spec.withClasses("upgrade-available")).getText())
                .isEqualTo("Version 2 available (this instance follows version 1)");

        _click(_get(Button.class, spec -> spec.withText("Upgrade…")));
        Dialog dialog = _get(Dialog.class, spec -> spec.withClasses("upgrade-preview"));
        assertThat(_find(dialog, H3.class).stream().map(H3::getText)).containsExactly("Added (1)", "Removed (1)", "Changed (1)");
        assertThat(_find(dialog, Paragraph.class).getFirst().getText())
                .startsWith("From version 1 to 2: 1 added, 0 removed, 1 kept outside the template, 1 changed, 0 moved.");
        assertThat(dialog.getElement().getTextRecursively()).contains("Kept, marked “No longer in the template”: done")
                .contains("Predecessors: Extract legacy data → (none)");
        _click(_get(dialog, Button.class, spec -> spec.withText("Upgrade to version 2")));

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("instance-subtitle")).getText()).contains("Runbook").contains("version 2");
        assertThat(titleCells()).filteredOn(t -> t.contains("No longer in the template")).singleElement()
                .satisfies(t -> assertThat(t).startsWith("Extract legacy data"));
        assertThat(_find(Span.class, spec -> spec.withClasses("upgrade-available"))).as("no newer version now").isEmpty();

        _get(Details.class, spec -> spec.withClasses("upgrade-history")).setOpened(true);
        _click(_get(Button.class, spec -> spec.withText("Undo")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("instance-subtitle")).getText()).contains("version 1");
        assertThat(titleCells()).noneMatch(t -> t.contains("No longer in the template")).anyMatch(t -> t.startsWith("Extract legacy data"));
        assertThat(_get(Span.class, spec -> spec.withClasses("upgrade-available")).getText()).startsWith("Version 2 available");
    }

    /** The text of every row's Item cell. */
    static List<String> titleCells() {
        TreeGrid<?> grid = _get(TreeGrid.class);
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            cells.add(GridKt._getFormatted(grid, i, "title"));
        }
        return cells;
    }

    @Test
    void aViewerIsNotOfferedTheUpgrade() {
        login(viewer.authentication());
        navigate("instances/" + instanceId);
        assertThat(_find(Button.class, spec -> spec.withText("Upgrade…"))).isEmpty();
    }
}
