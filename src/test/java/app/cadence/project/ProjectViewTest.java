package app.cadence.project;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.project.domain.ProjectStatus;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.project.ui.ProjectView;
import app.cadence.project.ui.ProjectsView;
import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

class ProjectViewTest extends KaribuTest {

    @Autowired ProjectService projects;
    @Autowired TenantScope scope;

    Tenant tenant;
    Member pm;

    @BeforeEach
    void signInAsPm() {
        tenant = fixtures.tenant("Hooli");
        pm = fixtures.member(tenant, Role.PM);
        login(pm.authentication());
    }

    /** The project manager picker fetches members as the person types and shows the current one. */
    @Test
    @SuppressWarnings("unchecked")
    void theProjectManagerIsPickedByTypingAPartOfTheName() {
        Member other = fixtures.member(tenant, Role.PM);
        Long id = fixtures.project(pm, "PICK-1", "Pick a manager");
        navigate("projects/" + id);
        var picker = (com.vaadin.flow.component.combobox.ComboBox<app.cadence.tenancy.service.MemberSummary>)
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("Project manager"));
        assertThat(picker.getValue()).as("nobody yet").isNull();

        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(picker, other.name());
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(picker))
                .extracting(app.cadence.tenancy.service.MemberSummary::userId).containsExactly(other.userId());
        picker.setValue(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(picker).getFirst());
        _click(_get(Button.class, spec -> spec.withText("Save changes")));

        assertThat(fixtures.load(pm, id).getPmUserId()).isEqualTo(other.userId());
        navigate("projects");
        navigate("projects/" + id);
        assertThat(((com.vaadin.flow.component.combobox.ComboBox<app.cadence.tenancy.service.MemberSummary>)
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("Project manager"))).getValue().userId())
                .as("shown when the page opens").isEqualTo(other.userId());
    }

    @Test
    void aPmCreatesAProject() {
        navigate("projects");
        _click(_get(Button.class, spec -> spec.withText("New project")));
        assertThat(currentView()).isInstanceOf(ProjectView.class);

        type(_get(TextField.class, spec -> spec.withLabel("Key")), "erp-01");
        type(_get(TextField.class, spec -> spec.withLabel("Name")), "SAP S/4HANA migration");
        type(_get(DatePicker.class, spec -> spec.withLabel("Start date")), LocalDate.of(2026, 1, 12));
        type(_get(DatePicker.class, spec -> spec.withLabel("Go-live date")), LocalDate.of(2026, 9, 7));
        type(_get(TextArea.class, spec -> spec.withLabel("Description")), "Finance and controlling first.");
        _click(_get(Button.class, spec -> spec.withText("Create project")));

        NotificationsKt.expectNotifications("Project ERP-01 created.");
        assertThat(currentView()).isInstanceOf(ProjectView.class);
        assertThat(_get(TextField.class, spec -> spec.withLabel("Key")).getValue()).isEqualTo("ERP-01");
        assertThat(scope.call(pm.userId(), pm.tenantId(), () -> projects.list("", Sort.unsorted(), 0, 10)))
                .singleElement().satisfies(row -> {
                    assertThat(row.name()).isEqualTo("SAP S/4HANA migration");
                    assertThat(row.status()).isEqualTo(ProjectStatus.PROPOSED);
                    assertThat(row.goLiveDate()).isEqualTo(LocalDate.of(2026, 9, 7));
                });
    }

    @Test
    void theListIsSearchableAndOpensAProject() {
        fixtures.project(pm, "CRM-03", "Salesforce rollout");
        fixtures.project(pm, "ERP-01", "SAP migration");
        navigate("projects");
        @SuppressWarnings("unchecked")
        Grid<app.cadence.project.domain.ProjectRow> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).key()).isEqualTo("CRM-03");

        type(_get(TextField.class, spec -> spec.withPlaceholder("Search projects")), "sap");
        assertThat(GridKt._size(grid)).isEqualTo(1);

        type(_get(TextField.class, spec -> spec.withPlaceholder("Search projects")), "nothing like this");
        assertThat(GridKt._size(grid)).isZero();
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("empty-state")))
                .singleElement().satisfies(p -> assertThat(p.getText()).contains("No project matches"));
    }

    @Test
    void invalidInputIsShownNextToTheFieldAndNothingIsSaved() {
        navigate("projects/new");
        type(_get(TextField.class, spec -> spec.withLabel("Name")), "No key yet");
        type(_get(DatePicker.class, spec -> spec.withLabel("Start date")), LocalDate.of(2026, 6, 1));
        type(_get(DatePicker.class, spec -> spec.withLabel("Go-live date")), LocalDate.of(2026, 5, 1));
        _click(_get(Button.class, spec -> spec.withText("Create project")));

        TextField key = _get(TextField.class, spec -> spec.withLabel("Key"));
        assertThat(key.isInvalid()).isTrue();
        assertThat(key.getErrorMessage()).isEqualTo("Enter a project key, e.g. ERP-01.");
        DatePicker goLive = _get(DatePicker.class, spec -> spec.withLabel("Go-live date"));
        assertThat(goLive.isInvalid()).isTrue();
        assertThat(goLive.getErrorMessage()).isEqualTo("The go-live date cannot be before the start date.");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Name")).getValue()).isEqualTo("No key yet");
        assertThat(scope.call(pm.userId(), pm.tenantId(), () -> projects.count(""))).isZero();
    }

    @Test
    void aDuplicateKeyIsReportedOnTheKeyField() {
        fixtures.project(pm, "DUP-1", "Existing");
        navigate("projects/new");
        type(_get(TextField.class, spec -> spec.withLabel("Key")), "DUP-1");
        type(_get(TextField.class, spec -> spec.withLabel("Name")), "Second");
        _click(_get(Button.class, spec -> spec.withText("Create project")));

        TextField key = _get(TextField.class, spec -> spec.withLabel("Key"));
        assertThat(key.isInvalid()).isTrue();
        assertThat(key.getErrorMessage()).isEqualTo("Another project already uses the key DUP-1. Choose a different key.");
    }

    @Test
    void aConcurrentEditShowsWhoChangedItAndKeepsTheInput() {
        Member pmo = fixtures.member(tenant, Role.PMO);
        Long id = fixtures.project(pm, "CLOUD-02", "Cloud exit");
        navigate("projects/" + id);
        type(_get(TextField.class, spec -> spec.withLabel("Name")), "Cloud exit to AWS");

        ProjectForm theirs = fixtures.load(pmo, id);
        theirs.setName("Cloud exit (re-planned)");
        scope.call(pmo.userId(), pmo.tenantId(), () -> projects.update(theirs));

        _click(_get(Button.class, spec -> spec.withText("Save changes")));

        List<Notification> notifications = NotificationsKt.getNotifications();
        assertThat(notifications).singleElement().satisfies(n -> assertThat(n.getElement().getProperty("text"))
                .startsWith(pmo.name() + " saved this record at ")
                .contains("Your changes were not saved and are still in the form"));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Name")).getValue()).isEqualTo("Cloud exit to AWS");
        assertThat(fixtures.load(pm, id).getName()).isEqualTo("Cloud exit (re-planned)");
    }

    @Test
    void anotherTenantsProjectAndAnUnknownIdShowTheSameNotFoundPage() {
        Member foreignPm = fixtures.member(fixtures.tenant("Foreign"), Role.PM);
        Long foreign = fixtures.project(foreignPm, "SECRET-1", "Their secret");

        navigate("projects/" + foreign);
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
        navigate("projects/987654321");
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
        navigate("projects/not-a-number");
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void viewersReadButCannotEdit() {
        Long id = fixtures.project(pm, "READ-1", "Read only");
        login(fixtures.member(tenant, Role.VIEWER).authentication());

        navigate("projects/" + id);

        assertThat(_get(TextField.class, spec -> spec.withLabel("Name")).isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withText("Save changes"))).allMatch(b -> !b.isVisible());
        navigate("projects/new");
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void leavingWithUnsavedChangesAsksFirst() {
        Long id = fixtures.project(pm, "EDIT-1", "Unsaved");
        navigate("projects/" + id);
        type(_get(TextField.class, spec -> spec.withLabel("Name")), "Changed but not saved");

        navigate("projects");

        assertThat(currentView()).isInstanceOf(ProjectView.class);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireConfirm(dialog);
        assertThat(currentView()).isInstanceOf(ProjectsView.class);
    }

    @Test
    void deletingAsksForConfirmation() {
        Long id = fixtures.project(pm, "DEL-1", "To delete");
        navigate("projects/" + id);
        _click(_get(Button.class, spec -> spec.withText("Delete")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(currentView()).isInstanceOf(ProjectsView.class);
        assertThat(scope.call(pm.userId(), pm.tenantId(), () -> projects.count("DEL-1"))).isZero();
    }
}
