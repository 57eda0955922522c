package app.cadence.work;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
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
import app.cadence.work.ui.InstancePrintView;
import app.cadence.work.ui.InstanceView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.applayout.AppLayout;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The instance page's downloads and the print view: every member gets them, without the app's navigation; another tenant gets nothing. */
class InstancePrintViewTest extends KaribuTest {

    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired TenantScope scope;

    Member pm;
    Member viewer;
    Long instance;

    @BeforeEach
    void applied() {
        var tenant = fixtures.tenant("Print");
        Member pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        viewer = fixtures.member(tenant, Role.VIEWER);
        Long project = fixtures.project(pm, "PRN-01", "Print go-live");
        Long template = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
        instance = scope.call(pm.userId(), pm.tenantId(), () -> {
            Long version = applying.applicableTemplates().stream().filter(t -> t.id().equals(template)).findFirst().orElseThrow().latest().id();
            Long id = applying.instantiate(new InstantiationRequest(project, template, version, "Go-live runbook",
                    Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0))));
            ItemView extract = reading.details(id).items().getFirst();
            itemWork.update(new ItemUpdate(extract.id(), extract.version(), ItemStatus.DONE, null, null, extract.dueAt(),
                    "Extracted 1.2M rows\nchecked twice", "https://evidence.example/extract"));
            return id;
        });
    }

    @Test
    void theInstancePageOffersTheSpreadsheetThePdfAndThePrintView() {
        login(viewer.authentication());
        navigate("instances/" + instance);
        assertThat(currentView()).isInstanceOf(InstanceView.class);

        assertThat(_get(Anchor.class, spec -> spec.withText("Items (XLSX)")).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withText("Items (PDF)")).getHref()).isNotBlank();
        Anchor print = _get(Anchor.class, spec -> spec.withText("Print view"));
        assertThat(print.getHref()).isEqualTo("instances/" + instance + "/print");
        assertThat(print.getTarget()).contains(AnchorTarget.BLANK.getValue());
    }

    @Test
    void thePrintViewIsTheInstanceAloneSectionBySection() {
        login(viewer.authentication());
        navigate("instances/" + instance + "/print");

        assertThat(currentView()).isInstanceOf(InstancePrintView.class);
        assertThat(_find(AppLayout.class)).as("no navigation around it").isEmpty();
        assertThat(_get(H1.class).getText()).isEqualTo("Go-live runbook");
        List<String> rows = _get(NativeTable.class).getBody().getRows().stream()
                .map(NativeTableRow::getElement).map(e -> e.getTextRecursively()).toList();
        assertThat(rows).hasSize(6); // two sections, four items
        assertThat(rows.get(0)).isEqualTo("Execution");
        assertThat(rows.get(1)).contains("Extract legacy data", "Task · Data lead · 2h · critical path", "Done", "6 Jun 2026 14:00",
                "by " + pm.name(), "Extracted 1.2M rows\nchecked twice", "Evidence: https://evidence.example/extract");
        assertThat(rows.get(4)).isEqualTo("Rollback — rollback: only if rollback is invoked");
        assertThat(rows.get(5)).contains("Restore backup", "Rollback instructions: Restore last night's backup", "Open");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("print-facts")).getElement().getTextRecursively())
                .contains("PRN-01 Print go-live", "version 1", "Sat 6 Jun 2026 18:00", "1 of 3 done (33%)");
    }

    @Test
    void anotherTenantsInstanceHasNoPrintView() {
        Member foreign = fixtures.member(fixtures.tenant("Elsewhere"), Role.ADMIN);
        login(foreign.authentication());
        navigate("instances/" + instance + "/print");
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }
}
