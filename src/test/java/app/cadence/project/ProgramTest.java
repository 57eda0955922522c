package app.cadence.project;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.project.domain.ProgramRow;
import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProgramService;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

/** Programs group projects; projects also carry a sponsor and a close date. */
class ProgramTest extends KaribuTest {

    @Autowired ProgramService programs;
    @Autowired ProjectService projects;
    @Autowired TenantScope scope;

    Member pmo;
    Member pm;

    @BeforeEach
    void setUp() {
        Fixtures.Tenant tenant = fixtures.tenant("Programs");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
    }

    @Test
    void aProjectJoinsAProgramAndTheProgramCountsIt() {
        Long finance = as(pmo, () -> programs.create("Finance transformation", null));
        ProjectForm form = Fixtures.form("ERP-01", "SAP migration");
        form.setProgramId(finance);
        form.setSponsor("Helen Shaw, CFO");
        form.setCloseDate(LocalDate.of(2026, 9, 30));
        Long id = as(pm, () -> projects.create(form));

        ProjectForm loaded = fixtures.load(pm, id);
        assertThat(loaded.getProgramId()).isEqualTo(finance);
        assertThat(loaded.getSponsor()).isEqualTo("Helen Shaw, CFO");
        assertThat(as(pm, () -> projects.list("finance", Sort.by("programName"), 0, 10))).extracting(ProjectRow::programName)
                .containsExactly("Finance transformation");
        assertThat(as(pm, () -> programs.list())).extracting(ProgramRow::name, ProgramRow::projects)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Finance transformation", 1L));
        assertThatThrownBy(() -> as(pmo, () -> {
            programs.delete(finance);
            return null;
        })).hasMessage("“Finance transformation” still groups 1 project. Move them to another program first.");
    }

    @Test
    void programRulesAndIsolation() {
        assertThatThrownBy(() -> as(pm, () -> programs.create("Not allowed", null))).isInstanceOf(AccessDeniedException.class);
        as(pmo, () -> programs.create("Cloud first", null));
        assertThatThrownBy(() -> as(pmo, () -> programs.create("cloud FIRST", null))).isInstanceOf(RuleViolationException.class);

        Member foreign = fixtures.member(fixtures.tenant("ForeignPrograms"), Role.PMO);
        Long theirs = as(foreign, () -> programs.create("Secret programme", null));
        assertThat(as(pm, () -> programs.list())).extracting(ProgramRow::name).containsExactly("Cloud first");
        assertThatThrownBy(() -> as(pmo, () -> {
            programs.delete(theirs);
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        ProjectForm sneaky = Fixtures.form("SNEAK-1", "Into a foreign program");
        sneaky.setProgramId(theirs);
        assertThatThrownBy(() -> as(pm, () -> projects.create(sneaky)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("programId"));
    }

    @Test
    void theCloseDateCannotBeBeforeTheStart() {
        ProjectForm form = Fixtures.form("CLOSE-1", "Closing");
        form.setCloseDate(form.getStartDate().minusDays(1));
        assertThatThrownBy(() -> as(pm, () -> projects.create(form)))
                .hasMessage("The close date cannot be before the start date.");
    }

    @Test
    void aPmoCreatesAProgramOnItsPage() {
        login(pmo.authentication());
        navigate("programs");
        _click(_get(Button.class, spec -> spec.withText("New program")));
        type(_get(TextField.class, spec -> spec.withLabel("Name")), "Customer experience");
        _click(_get(Button.class, spec -> spec.withText("Create")));

        @SuppressWarnings("unchecked")
        Grid<ProgramRow> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).name()).isEqualTo("Customer experience");

        login(pm.authentication());
        navigate("projects");
        navigate("programs");
        assertThat(_find(Button.class, spec -> spec.withText("New program"))).isEmpty();
    }

    private <T> T as(Member member, Supplier<T> work) {
        return scope.call(member.userId(), member.tenantId(), work);
    }
}
