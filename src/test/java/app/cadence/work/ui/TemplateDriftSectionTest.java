package app.cadence.work.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

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
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.TemplateDrift.DriftRow;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The template page's Drift tab: instances by version, a summary preview, the upgrade with its results. */
class TemplateDriftSectionTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;

    Member pmo;
    Member pm;
    Long templateId;
    List<Long> instances = new ArrayList<>();

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    @BeforeEach
    void setUp() {
        Tenant tenant = fixtures.tenant("Drift");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        TemplateContent v1 = SampleTemplates.runbook();
        templateId = fixtures.publishedTemplate(pmo, "ERP runbook", v1);
        for (String key : List.of("ERP-01", "ERP-02")) {
            Long projectId = fixtures.project(pmo, key, key);
            instances.add(as(pmo, () -> {
                Long version = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
                return applying.instantiate(new InstantiationRequest(projectId, templateId, version, "Live runbook",
                        Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0))));
            }));
        }
        List<TemplateSection> sections = new ArrayList<>();
        for (TemplateSection s : v1.sections()) {
            List<TemplateItem> items = new ArrayList<>(s.items());
            if (s.title().equals("Execution")) {
                items.add(new CutoverStep(UUID.randomUUID(), "Reconcile totals", null, StepType.TASK, -90, 30, "Finance", List.of(), null, null, true));
            }
            sections.add(new TemplateSection(s.key(), s.title(), s.role(), items));
        }
        fixtures.publishNextVersion(pmo, templateId, new TemplateContent(v1.kind(), sections, null));
    }

    void openDriftTab() {
        navigate("templates/" + templateId);
        TabSheet sheet = _get(TabSheet.class);
        sheet.setSelectedTab(_find(Tab.class).stream().filter(t -> t.getLabel().equals("Drift")).findFirst().orElseThrow());
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePmoUpgradesEveryInstanceBehindInOneActionAndSeesEachResult() {
        login(pmo.authentication());
        openDriftTab();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("drift-headline")).getText())
                .isEqualTo("2 instances, 2 behind the latest version 2 (2 on version 1).");
        Grid<DriftRow> grid = _get(_get(TemplateDriftSection.DriftPanel.class), Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("No PM", "0% (0 of 3 done)");

        _click(_get(Button.class, spec -> spec.withText("Select all behind")));
        _click(_get(Button.class, spec -> spec.withText("Upgrade 2 selected…")));
        Dialog summary = _get(Dialog.class, spec -> spec.withClasses("drift-summary"));
        assertThat(summary.getHeaderTitle()).isEqualTo("Upgrade 2 of 2 instances to version 2");
        assertThat(summary.getElement().getTextRecursively()).contains("Items across them: 2 added, 0 removed");
        _click(_get(summary, Button.class, spec -> spec.withText("Upgrade 2 instances")));

        TemplateDriftSection.DriftPanel panel = _get(TemplateDriftSection.DriftPanel.class);
        CompletableFuture<Void> running = panel.running();
        assertThat(running).as("the upgrade runs in the background").isNotNull();
        running.join();
        // The page's own completion step (results, headline) is queued for the UI just after the work ends.
        app.cadence.support.Eventually.until("the page to show the upgrade finished", () -> {
            MockVaadin.runUIQueue();
            return panel.running();
        }, java.util.Objects::isNull);

        assertThat(_find(ListItem.class, spec -> spec.withClasses("drift-upgraded"))).hasSize(2)
                .allSatisfy(li -> assertThat(li.getText()).contains("Upgraded from version 1 to 2: 1 added."));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("drift-headline")).getText())
                .isEqualTo("2 instances, 0 behind the latest version 2 (2 on version 2).");
        assertThat(as(pmo, () -> reading.details(instances.getFirst())).versionNumber()).isEqualTo(2);
    }

    @Test
    void aPmSeesNoDriftReport() {
        login(pm.authentication());
        openDriftTab();
        assertThat(_find(TemplateDriftSection.DriftPanel.class)).isEmpty();
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("empty-state"))).anyMatch(p -> p.getText().startsWith("Administrators and the PMO"));
    }
}
