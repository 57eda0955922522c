package app.cadence.project;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.audit.service.AuditTrail;
import app.cadence.audit.service.AuditTrail.Entry;
import app.cadence.audit.service.AuditTrail.HistoryFilter;
import app.cadence.project.domain.ProjectStatus;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every change of a project is on its record: who, when, field, before → after. */
class ProjectHistoryTest extends KaribuTest {

    @Autowired ProjectService projects;
    @Autowired AuditTrail audit;
    @Autowired TenantScope scope;
    @Autowired TestClock clock;

    Tenant tenant;
    Member pm;
    Member pmo;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Audited");
        pm = fixtures.member(tenant, Role.PM);
        pmo = fixtures.member(tenant, Role.PMO);
    }

    @Test
    void creationAndEveryChangedFieldAreRecordedWithBeforeAndAfter() {
        Long id = fixtures.project(pm, "AUD-1", "Audit me");
        ProjectForm form = fixtures.load(pmo, id);
        form.setName("Audited project");
        form.setStatus(ProjectStatus.ON_HOLD);
        form.setPmUserId(pm.userId());
        scope.call(pmo.userId(), pmo.tenantId(), () -> projects.update(form));

        List<Entry> history = scope.call(pm.userId(), pm.tenantId(), () -> audit.projectHistory(id, HistoryFilter.none(), 0, 50));
        assertThat(history).extracting(Entry::actor, Entry::field, Entry::before, Entry::after).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(pm.name(), null, null, "Created project AUD-1 Audit me."),
                org.assertj.core.groups.Tuple.tuple(pmo.name(), "Name", "Audit me", "Audited project"),
                org.assertj.core.groups.Tuple.tuple(pmo.name(), "Project manager", null, pm.name()),
                org.assertj.core.groups.Tuple.tuple(pmo.name(), "Status", "Active", "On hold"));
        assertThat(scope.call(pm.userId(), pm.tenantId(), () -> audit.countProjectHistory(id, new HistoryFilter(pmo.name(), null, null))))
                .isEqualTo(3);
    }

    @Test
    void theHistoryIsFilteredByDate() {
        Long id = fixtures.project(pm, "AUD-2", "Dated");
        clock.advance(java.time.Duration.ofDays(3));
        ProjectForm form = fixtures.load(pm, id);
        form.setName("Dated, renamed");
        scope.call(pm.userId(), pm.tenantId(), () -> projects.update(form));
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);

        assertThat(scope.call(pm.userId(), pm.tenantId(), () -> audit.countProjectHistory(id, new HistoryFilter("", today, today)))).isEqualTo(1);
        assertThat(scope.call(pm.userId(), pm.tenantId(), () -> audit.countProjectHistory(id, new HistoryFilter("", null, today.minusDays(1))))).isEqualTo(1);
    }

    @Test
    void anotherTenantSeesNoneOfAProjectsHistory() {
        Long id = fixtures.project(pm, "AUD-3", "Private");
        Member foreign = fixtures.member(fixtures.tenant("Nosy"), Role.ADMIN);
        assertThat(scope.call(foreign.userId(), foreign.tenantId(), () -> audit.projectHistory(id, HistoryFilter.none(), 0, 50))).isEmpty();
        assertThat(scope.call(foreign.userId(), foreign.tenantId(), () -> audit.countProjectHistory(id, HistoryFilter.none()))).isZero();
    }

    @Test
    void theProjectPageShowsTheHistoryOfASaveMadeThere() {
        Long id = fixtures.project(pm, "AUD-4", "On screen");
        login(pm.authentication());
        navigate("projects/" + id);
        type(_get(TextField.class, spec -> spec.withLabel("Name")), "On screen, renamed");
        _click(_get(Button.class, spec -> spec.withText("Save changes")));

        @SuppressWarnings("unchecked")
        Grid<Entry> grid = _get(Grid.class, spec -> spec.withClasses("history-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).after()).isEqualTo("On screen, renamed");
    }
}
