package app.cadence.comms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.comms.domain.DistributionListMember.Kind;
import app.cadence.comms.domain.DistributionListRow;
import app.cadence.comms.domain.StakeholderDraft;
import app.cadence.comms.service.Audience;
import app.cadence.comms.service.AudienceOption;
import app.cadence.comms.service.Audiences;
import app.cadence.comms.service.DistributionListCandidate;
import app.cadence.comms.service.DistributionLists;
import app.cadence.comms.service.StakeholderDetails;
import app.cadence.comms.service.Stakeholders;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /lists: create a list, add a member and a stakeholder by searching, remove one, rename, delete with confirmation; a viewer reads; the picker. */
class DistributionListsViewTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired Stakeholders stakeholders;
    @Autowired DistributionLists lists;
    @Autowired Audiences audiences;

    Tenant tenant;
    Member pmo;
    Member dev;
    Member viewer;
    Long project;
    StakeholderDetails jane;

    @BeforeEach
    void anOrganisation() {
        tenant = fixtures.tenant("Lists view");
        pmo = fixtures.member(tenant, Role.PMO);
        dev = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
        project = fixtures.project(pmo, "CRM-03", "CRM rollout");
        jane = scope.call(pmo.userId(), pmo.tenantId(), () -> stakeholders.add(project, new StakeholderDraft("Jane Roe", "jane@acme.example",
                "Acme", "Sponsor", app.cadence.comms.domain.StakeholderLevel.HIGH, app.cadence.comms.domain.StakeholderLevel.HIGH,
                app.cadence.comms.domain.StakeholderChannel.EMAIL, null)));
    }

    DistributionListsView open(Member as) {
        login(as.authentication());
        navigate("lists");
        return _get(DistributionListsView.class);
    }

    @Test
    void aPmoCreatesAListAndPutsPeopleOnIt() {
        DistributionListsView view = open(pmo);
        assertThat(view.emptyState.getText()).startsWith("No distribution lists yet. Create one with “New list”");

        _click(view.create);
        Dialog dialog = _get(Dialog.class, spec -> spec.withClasses("list-dialog"));
        type(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "Steering committee");
        _click(_get(dialog, Button.class, spec -> spec.withClasses("save-list")));

        assertThat(GridKt._findAll(view.grid)).extracting(DistributionListRow::name).containsExactly("Steering committee");
        assertThat(view.detail.isVisible()).isTrue();
        List<DistributionListCandidate> found = GridlessCombo.items(view, "jane");
        assertThat(found).extracting(DistributionListCandidate::name).containsExactly("Jane Roe");
        type(view.addPerson, found.getFirst());
        type(view.addPerson, GridlessCombo.items(view, dev.email()).getFirst());
        assertThat(GridKt._findAll(view.entries)).extracting(e -> e.name()).containsExactly(dev.name(), "Jane Roe");
        assertThat(GridKt._findAll(view.grid).getFirst().size()).isEqualTo(2);

        _click((Button) GridKt._getCellComponent(view.entries, 0, "remove"));
        assertThat(GridKt._findAll(view.entries)).extracting(e -> e.kind()).containsExactly(Kind.STAKEHOLDER);

        _click(_get(view.detail, Button.class, spec -> spec.withClasses("rename-list")));
        Dialog rename = _get(Dialog.class, spec -> spec.withClasses("list-dialog"));
        type(_get(rename, TextField.class, spec -> spec.withLabel("Name")), "Steering board");
        _click(_get(rename, Button.class, spec -> spec.withClasses("save-list")));
        assertThat(GridKt._findAll(view.grid)).extracting(DistributionListRow::name).containsExactly("Steering board");

        _click(_get(view.detail, Button.class, spec -> spec.withClasses("delete-list")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(GridKt._size(view.grid)).isZero();
        assertThat(view.detail.isVisible()).isFalse();
    }

    @Test
    void aViewerReadsAndFilters() {
        scope.run(pmo.userId(), pmo.tenantId(), () -> {
            Long steering = lists.create("Steering committee", "Monthly");
            lists.create("Key users", null);
            lists.add(steering, Kind.STAKEHOLDER, jane.id());
        });
        DistributionListsView view = open(viewer);
        assertThat(view.create).isNull();
        assertThat(GridKt._findAll(view.grid)).extracting(DistributionListRow::name).containsExactly("Key users", "Steering committee");
        type(view.filter, "month");
        assertThat(GridKt._findAll(view.grid)).extracting(DistributionListRow::name).containsExactly("Steering committee");

        view.grid.select(GridKt._get(view.grid, 0));
        assertThat(GridKt._findAll(view.entries)).extracting(e -> e.name()).containsExactly("Jane Roe");
        assertThat(_find(view.detail, Button.class)).as("no rename, delete or remove for a viewer").isEmpty();
        assertThat(view.addPerson.isAttached()).isFalse();
    }

    @Test
    void thePickerOffersListsAndStakeholdersAndRoundTripsAnAudience() {
        Long steering = scope.call(pmo.userId(), pmo.tenantId(), () -> lists.create("Steering committee", null));
        login(dev.authentication());
        AudiencePicker picker = new AudiencePicker(audiences, project);
        assertThat(picker.options()).extracting(AudienceOption::label).containsExactly("Steering committee (list, 0)", "Jane Roe · Acme · jane@acme.example");

        Audience audience = new Audience(Set.of(steering), Set.of(jane.id()));
        picker.setValue(audience);
        assertThat(picker.choices().getSelectedItems()).hasSize(2);
        assertThat(picker.getValue()).isEqualTo(audience);
        picker.choices().setValue(Set.of(picker.options().get(1)));
        assertThat(picker.getValue()).isEqualTo(new Audience(Set.of(), Set.of(jane.id())));
        picker.setValue(new Audience(Set.of(999_999L), Set.of()));
        assertThat(picker.getValue()).as("what is not offered is not kept").isEqualTo(Audience.none());
    }

    /** The combo box's lazy items for a typed filter, as the browser would fetch them. */
    static final class GridlessCombo {
        static List<DistributionListCandidate> items(DistributionListsView view, String filter) {
            com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(view.addPerson, filter);
            return com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(view.addPerson);
        }
    }
}
