package app.cadence.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ProjectServiceTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired ProjectService projects;

    Tenant tenant;
    Member pm;

    @BeforeEach
    void tenantWithPm() {
        tenant = fixtures.tenant("Initech");
        pm = fixtures.member(tenant, Role.PM);
    }

    @Test
    void createsAndReadsBackAProjectWithItsPm() {
        ProjectForm form = Fixtures.form("erp-01 ", "  SAP migration ");
        form.setPmUserId(pm.userId());
        form.setDescription("Finance first.");
        Long id = as(pm, () -> projects.create(form));

        ProjectForm loaded = fixtures.load(pm, id);
        assertThat(loaded.getKey()).isEqualTo("ERP-01");
        assertThat(loaded.getName()).isEqualTo("SAP migration");
        assertThat(loaded.getPmUserId()).isEqualTo(pm.userId());
        assertThat(loaded.getUpdatedBy()).isEqualTo(pm.name());
        assertThat(as(pm, () -> projects.list("sap", Sort.by("name"), 0, 10))).singleElement()
                .satisfies(row -> assertThat(row.pmName()).isEqualTo(pm.name()));
    }

    @Test
    void requiredFieldsAndLengthsAreCheckedWithClearMessages() {
        assertViolation(Fixtures.form("", "Name"), "key", "Enter a project key, e.g. ERP-01.");
        assertViolation(Fixtures.form("K1", " "), "name", "Enter a project name.");
        assertViolation(Fixtures.form("K".repeat(21), "Name"), "key", "The key can be at most 20 characters.");
        assertViolation(Fixtures.form("K1", "N".repeat(121)), "name", "The name can be at most 120 characters.");
        assertViolation(Fixtures.form("1ABC", "Name"), "key",
                "Use capital letters and digits, optionally in parts joined by hyphens, starting with a letter (e.g. ERP-01).");
        ProjectForm longDescription = Fixtures.form("K1", "Name");
        longDescription.setDescription("d".repeat(2001));
        assertViolation(longDescription, "description", "The description can be at most 2000 characters.");
        ProjectForm noStatus = Fixtures.form("K1", "Name");
        noStatus.setStatus(null);
        assertViolation(noStatus, "status", "Choose a status.");
    }

    @Test
    void goLiveCannotBeBeforeStart() {
        ProjectForm form = Fixtures.form("K2", "Backwards");
        form.setStartDate(LocalDate.of(2026, 5, 1));
        form.setGoLiveDate(LocalDate.of(2026, 4, 30));
        assertViolation(form, "goLiveDate", "The go-live date cannot be before the start date.");
        form.setGoLiveDate(LocalDate.of(2026, 5, 1));
        assertThat(as(pm, () -> projects.create(form))).isNotNull();
    }

    @Test
    void aKeyIsUniqueWithinTheTenant() {
        fixtures.project(pm, "CRM-03", "First");
        assertViolation(Fixtures.form("crm-03", "Second"), "key", "Another project already uses the key CRM-03. Choose a different key.");
    }

    @Test
    void aProjectManagerMustBeAMemberOfTheTenant() {
        Member outsider = fixtures.member(fixtures.tenant("Outside"), Role.PM);
        ProjectForm form = Fixtures.form("K3", "Foreign PM");
        form.setPmUserId(outsider.userId());
        assertViolation(form, "pmUserId", "Choose a project manager from this organisation's members.");
    }

    @Test
    void aConcurrentEditIsRefusedNamingWhoChangedIt() {
        Member pmo = fixtures.member(tenant, Role.PMO);
        Long id = fixtures.project(pm, "CLOUD-02", "Cloud exit");
        ProjectForm mine = fixtures.load(pm, id);
        ProjectForm theirs = fixtures.load(pmo, id);

        theirs.setName("Cloud exit (re-planned)");
        as(pmo, () -> projects.update(theirs));

        mine.setName("Cloud exit to AWS");
        assertThatThrownBy(() -> as(pm, () -> projects.update(mine)))
                .isInstanceOfSatisfying(ConcurrentChangeException.class, e -> assertThat(e.changedBy()).isEqualTo(pmo.name()));
        assertThat(fixtures.load(pm, id).getName()).isEqualTo("Cloud exit (re-planned)");
    }

    @Test
    void onlyAdminPmoAndPmMayChangeProjects() {
        Long id = fixtures.project(pm, "OPS-1", "Ops");
        for (Role role : new Role[] {Role.CONTRIBUTOR, Role.VIEWER}) {
            Member member = fixtures.member(tenant, role);
            assertThatThrownBy(() -> as(member, () -> projects.create(Fixtures.form("NOPE", "Nope"))))
                    .isInstanceOf(AccessDeniedException.class);
            ProjectForm form = fixtures.load(member, id);
            form.setName("Changed by " + role);
            assertThatThrownBy(() -> as(member, () -> projects.update(form))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> scope.run(member.userId(), member.tenantId(), () -> projects.delete(id, form.getVersion())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        for (Role role : new Role[] {Role.ADMIN, Role.PMO}) {
            Member member = fixtures.member(tenant, role);
            assertThat(as(member, () -> projects.create(Fixtures.form("BY-" + role, "By " + role)))).isNotNull();
        }
        assertThat(fixtures.load(pm, id).getName()).isEqualTo("Ops");
    }

    @Test
    void deletingRemovesTheProject() {
        Long id = fixtures.project(pm, "GONE-1", "To delete");
        long version = fixtures.load(pm, id).getVersion();
        scope.run(pm.userId(), pm.tenantId(), () -> projects.delete(id, version));
        assertThat(as(pm, () -> projects.count("GONE-1"))).isZero();
    }

    @Test
    void searchIgnoresLikeWildcards() {
        fixtures.project(pm, "PCT-1", "Plain name");
        assertThat(as(pm, () -> projects.count("%"))).isZero();
        assertThat(as(pm, () -> projects.count("_"))).isZero();
        assertThat(as(pm, () -> projects.count("plain"))).isEqualTo(1);
    }

    private void assertViolation(ProjectForm form, String field, String message) {
        assertThatThrownBy(() -> as(pm, () -> projects.create(form)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    private <T> T as(Member member, java.util.function.Supplier<T> work) {
        return scope.call(member.userId(), member.tenantId(), work);
    }
}
