package app.cadence.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.project.domain.Project;
import app.cadence.project.domain.ProjectRepository;
import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Another tenant's project can be neither seen nor changed, by any route. */
@IntegrationTest
class ProjectIsolationTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired ProjectService projects;
    @Autowired ProjectRepository repository;
    @Autowired TransactionTemplate transactions;

    Member acmePm;
    Member globexPm;
    Long acmeProject;
    Long globexProject;
    String globexKey;

    @BeforeEach
    void twoTenantsWithProjects() {
        acmePm = fixtures.member(fixtures.tenant("Acme"), Role.PM);
        globexPm = fixtures.member(fixtures.tenant("Globex"), Role.PM);
        acmeProject = fixtures.project(acmePm, "ERP-01", "Acme ERP");
        globexKey = "SECRET-01";
        globexProject = fixtures.project(globexPm, globexKey, "Globex secret merger");
    }

    @Test
    void listSearchAndCountShowOnlyTheOwnTenant() {
        List<ProjectRow> rows = asAcme(() -> projects.list("", Sort.unsorted(), 0, 100));
        assertThat(rows).extracting(ProjectRow::id).containsExactly(acmeProject);
        assertThat(asAcme(() -> projects.list("secret", Sort.unsorted(), 0, 100))).isEmpty();
        assertThat(asAcme(() -> projects.count(""))).isEqualTo(1);
        assertThat(asAcme(() -> projects.count("merger"))).isZero();
    }

    @Test
    void findByIdOfAnotherTenantIsNotFound() {
        // Exactly what a missing id gives: nothing tells the caller that the record exists elsewhere.
        assertThatThrownBy(() -> asAcme(() -> projects.load(globexProject)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("Project " + globexProject + " was not found.");
        assertThatThrownBy(() -> asAcme(() -> projects.load(Long.MAX_VALUE)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("Project " + Long.MAX_VALUE + " was not found.");
        assertThat(asAcme(() -> repository.findById(globexProject))).isEmpty();
    }

    @Test
    void updateOfAnotherTenantsProjectIsNotFoundAndChangesNothing() {
        ProjectForm hijack = Fixtures.form("HIJACK", "Renamed by Acme");
        hijack.setId(globexProject);
        hijack.setVersion(0);

        assertThatThrownBy(() -> asAcme(() -> projects.update(hijack))).isInstanceOf(RecordNotFoundException.class);

        ProjectForm unchanged = fixtures.load(globexPm, globexProject);
        assertThat(unchanged.getKey()).isEqualTo(globexKey);
        assertThat(unchanged.getName()).isEqualTo("Globex secret merger");
    }

    @Test
    void deleteOfAnotherTenantsProjectIsNotFoundAndDeletesNothing() {
        assertThatThrownBy(() -> scope.run(acmePm.userId(), acmePm.tenantId(), () -> projects.delete(globexProject, 0)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(fixtures.load(globexPm, globexProject).getName()).isEqualTo("Globex secret merger");
    }

    @Test
    void aDetachedEntityCarryingAForeignIdCannotOverwriteIt() {
        Project detached = asGlobex(() -> repository.findById(globexProject).orElseThrow());
        detached.describe("HIJACK", "Overwritten through a detached entity", null, null,
                detached.getStatus(), null, null);

        try {
            scope.run(acmePm.userId(), acmePm.tenantId(), () -> transactions.executeWithoutResult(s -> repository.saveAndFlush(detached)));
        } catch (RuntimeException expected) {
            // Refused by Hibernate (unknown row in this tenant or tenant mismatch): either way nothing may change.
        }

        ProjectForm unchanged = fixtures.load(globexPm, globexProject);
        assertThat(unchanged.getKey()).isEqualTo(globexKey);
        assertThat(unchanged.getName()).isEqualTo("Globex secret merger");
        assertThat(asAcme(() -> projects.count(""))).isEqualTo(1);
    }

    @Test
    void theSameKeyIsFreeInEveryTenant() {
        Long globexErp = fixtures.project(globexPm, "ERP-01", "Globex ERP");
        assertThat(fixtures.load(globexPm, globexErp).getKey()).isEqualTo("ERP-01");
        assertThat(fixtures.load(acmePm, acmeProject).getName()).isEqualTo("Acme ERP");
    }

    @Test
    void withoutASelectedTenantNothingIsReadable() {
        SecurityContextHolder.getContext().setAuthentication(acmePm.authenticationWithoutTenant());
        try {
            assertThatThrownBy(() -> projects.list("", Sort.unsorted(), 0, 10)).isInstanceOf(AccessDeniedException.class);
            Long visible = transactions.execute(s -> repository.count());
            assertThat(visible).isZero();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private <T> T asAcme(java.util.function.Supplier<T> work) {
        return scope.call(acmePm.userId(), acmePm.tenantId(), work);
    }

    private <T> T asGlobex(java.util.function.Supplier<T> work) {
        return scope.call(globexPm.userId(), globexPm.tenantId(), work);
    }
}
