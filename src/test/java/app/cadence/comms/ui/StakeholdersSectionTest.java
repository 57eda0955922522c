package app.cadence.comms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.comms.domain.StakeholderChannel;
import app.cadence.comms.domain.StakeholderDraft;
import app.cadence.comms.domain.StakeholderLevel;
import app.cadence.comms.service.StakeholderDetails;
import app.cadence.comms.service.Stakeholders;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The stakeholder register on the project page: empty state, add, edit, filter, delete with confirmation, CSV import; a viewer reads only. */
class StakeholdersSectionTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired Stakeholders stakeholders;

    Tenant tenant;
    Member pm;
    Member viewer;
    Long project;

    @BeforeEach
    void aProject() {
        tenant = fixtures.tenant("Register view");
        pm = fixtures.member(tenant, Role.PM);
        viewer = fixtures.member(tenant, Role.VIEWER);
        project = fixtures.project(pm, "CRM-03", "CRM rollout");
    }

    StakeholdersSection.Register open(Member as) {
        login(as.authentication());
        navigate("projects/" + project);
        return _get(StakeholdersSection.Register.class);
    }

    List<String> names(StakeholdersSection.Register register) {
        return GridKt._findAll(register.grid).stream().map(StakeholderDetails::name).toList();
    }

    @Test
    void aProjectManagerAddsEditsAndDeletesStakeholders() {
        StakeholdersSection.Register register = open(pm);
        assertThat(GridKt._size(register.grid)).isZero();
        assertThat(register.emptyState.getText()).startsWith("No stakeholders yet. Add the people who sponsor");
        assertThat(register.summary.isVisible()).isFalse();

        _click(register.add);
        StakeholderDialog dialog = _get(StakeholderDialog.class);
        type(dialog.email, "not an address");
        _click(dialog.save);
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Enter the stakeholder's name.");
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.isOpened()).as("nothing typed is lost").isTrue();
        type(dialog.name, "Jane Roe");
        type(dialog.email, "jane@acme.example");
        type(dialog.role, "Sponsor");
        type(dialog.influence, StakeholderLevel.HIGH);
        type(dialog.interest, StakeholderLevel.HIGH);
        _click(dialog.save);

        assertThat(_find(StakeholderDialog.class)).isEmpty();
        assertThat(names(register)).containsExactly("Jane Roe");
        assertThat(register.summary.getElement().getTextRecursively()).contains("Manage closely: 1");

        _click(_get(GridKt._getCellComponent(register.grid, 0, "actions"), Button.class, spec -> spec.withClasses("edit-stakeholder")));
        StakeholderDialog edit = _get(StakeholderDialog.class);
        assertThat(edit.email.getValue()).isEqualTo("jane@acme.example");
        type(edit.name, "Jane Roe-Smith");
        _click(edit.save);
        assertThat(names(register)).containsExactly("Jane Roe-Smith");

        _click(_get(GridKt._getCellComponent(register.grid, 0, "actions"), Button.class, spec -> spec.withClasses("delete-stakeholder")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(GridKt._size(register.grid)).isZero();
    }

    @Test
    void aConcurrentEditIsRefusedWithWhoAndWhenAndTheFormKeepsWhatWasTyped() {
        Member pmo = fixtures.member(tenant, Role.PMO);
        StakeholderDetails jane = scope.call(pm.userId(), pm.tenantId(), () -> stakeholders.add(project, StakeholderDraft.named("Jane Roe")));
        StakeholdersSection.Register register = open(pm);
        _click(_get(GridKt._getCellComponent(register.grid, 0, "actions"), Button.class, spec -> spec.withClasses("edit-stakeholder")));
        StakeholderDialog dialog = _get(StakeholderDialog.class);
        scope.run(pmo.userId(), pmo.tenantId(), () -> stakeholders.update(jane.id(), jane.version(), StakeholderDraft.named("Jane Smith")));

        type(dialog.role, "Sponsor");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.role.getValue()).isEqualTo("Sponsor");
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text", "")).startsWith(pmo.name() + " saved this record at ")
                        .contains("Your changes were not saved and are still in the form"));
    }

    @Test
    void theFilterNarrowsAndAViewerOnlyReads() {
        scope.run(pm.userId(), pm.tenantId(), () -> {
            stakeholders.add(project, new StakeholderDraft("Jane Roe", "jane@acme.example", "Acme", "Sponsor", StakeholderLevel.HIGH,
                    StakeholderLevel.HIGH, StakeholderChannel.REPORT, null));
            stakeholders.add(project, new StakeholderDraft("Vera Vendor", "vera@vendor.example", "Vendor Ltd", "Vendor contact",
                    StakeholderLevel.LOW, StakeholderLevel.MEDIUM, StakeholderChannel.PHONE, null));
        });
        StakeholdersSection.Register register = open(viewer);
        assertThat(register.add).isNull();
        assertThat(register.importButton).isNull();
        assertThat(register.export).isNotNull();
        assertThat(register.grid.getColumnByKey("actions")).as("no edit or delete for a viewer").isNull();
        assertThat(names(register)).containsExactly("Jane Roe", "Vera Vendor");

        type(register.filter, "vendor ltd");
        assertThat(names(register)).containsExactly("Vera Vendor");
        type(register.filter, "nobody");
        assertThat(GridKt._size(register.grid)).isZero();
        assertThat(register.emptyState.getText()).isEqualTo("No stakeholder matches “nobody”. Clear the filter to see them all.");
    }

    @Test
    void aWrongFileIsRefusedWithEveryProblemAndAGoodOneIsImported() {
        StakeholdersSection.Register register = open(pm);
        _click(register.importButton);
        upload("Name,Email,Influence\nAnna,anna@acme.example,High\nCarl,carl@,Huge\n");

        assertThat(_find(ListItem.class)).extracting(li -> li.getText()).containsExactly(
                "Row 3, column Influence: “Huge” is not a level. Use Low, Medium or High.",
                "Row 3, column Email: “carl@” is not an email address. Enter one like jane.roe@example.com, or leave it empty.");
        assertThat(GridKt._size(register.grid)).as("nothing imported").isZero();

        upload("Name,Email,Influence\nAnna,anna@acme.example,High\nCarl,carl@acme.example,Low\n");
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(names(register)).containsExactly("Anna", "Carl");
    }

    private void upload(String csv) {
        Upload upload = _get(Upload.class);
        UploadKt._upload(upload, "stakeholders.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);
    }
}
