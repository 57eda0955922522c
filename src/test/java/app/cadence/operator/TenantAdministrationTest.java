package app.cadence.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.mail.domain.EmailKind;
import app.cadence.operator.service.TenantAdministration;
import app.cadence.operator.service.TenantQuery;
import app.cadence.operator.service.TenantRow;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.Filter;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.TenantStatus;
import app.cadence.tenancy.service.AccountDirectory;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelectionService;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class TenantAdministrationTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantAdministration administration;
    @Autowired TenantSelectionService selection;
    @Autowired AccountDirectory accounts;
    @Autowired SecurityLog securityLog;
    @Autowired ProjectService projects;
    @Autowired TemplateLibrary templates;
    @Autowired TenantScope scope;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired Mailbox mailbox;
    @Autowired app.cadence.admin.service.InvitationAcceptance acceptance;

    CadenceAuthentication operator;

    @BeforeEach
    void createOperator() {
        operator = fixtures.operator();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(Authentication authentication) {
        SecurityContextHolder.clearContext();
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    @Test
    void onlyOperatorsMayAdministerTenants() {
        Tenant tenant = fixtures.tenant("Guarded");
        Member admin = fixtures.member(tenant, Role.ADMIN);
        for (Authentication notOperator : List.of(admin.authentication(), admin.authenticationWithoutTenant())) {
            signIn(notOperator);
            assertThatThrownBy(() -> administration.list(TenantQuery.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.count(TenantQuery.all())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.create("Sneaky", ZoneId.of("UTC"), null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.suspend(tenant.id(), "because")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.reactivate(tenant.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> securityLog.tenantLevelLog(0, 10)).isInstanceOf(AccessDeniedException.class);
        }
        signIn(operator);
        assertThat(administration.list(new TenantQuery("Sneaky", null, TenantQuery.Order.NAME, false), 0, 10)).isEmpty();
    }

    @Test
    void countsActiveMembersAndProjectsPerTenant() {
        Tenant big = fixtures.tenant("Counted Big");
        Member pmo = fixtures.member(big, Role.PMO);
        fixtures.member(big, Role.PM);
        fixtures.member(big, Role.VIEWER);
        fixtures.project(pmo, "CNT-1", "One");
        fixtures.project(pmo, "CNT-2", "Two");
        Tenant small = fixtures.tenant("Counted Small");
        fixtures.member(small, Role.ADMIN);
        // A consultant counts once in each tenant they belong to.
        fixtures.join(pmo, small, Role.VIEWER);

        signIn(operator);
        List<TenantRow> rows = administration.list(new TenantQuery("counted", null, TenantQuery.Order.NAME, false), 0, 10);

        assertThat(rows).extracting(TenantRow::name, TenantRow::members, TenantRow::projects, TenantRow::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(big.name(), 3L, 2L, TenantStatus.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple(small.name(), 2L, 0L, TenantStatus.ACTIVE));
        assertThat(administration.count(new TenantQuery("counted", null, TenantQuery.Order.NAME, false))).isEqualTo(2);
        assertThat(administration.list(new TenantQuery("counted", null, TenantQuery.Order.NAME, true), 0, 1))
                .extracting(TenantRow::name).containsExactly(small.name());
        assertThat(administration.list(new TenantQuery("counted", null, TenantQuery.Order.NAME, false), 1, 1))
                .extracting(TenantRow::name).containsExactly(small.name());
    }

    @Test
    void searchTreatsWildcardsLiterallyAndFiltersByStatus() {
        Tenant plain = fixtures.tenant("Wild Plain");
        Tenant other = fixtures.tenant("Wild Other");
        signIn(operator);
        administration.suspend(other.id(), "Unpaid invoices");

        assertThat(administration.list(new TenantQuery("wild", TenantStatus.SUSPENDED, TenantQuery.Order.CREATED, false), 0, 10))
                .extracting(TenantRow::id).containsExactly(other.id());
        assertThat(administration.list(new TenantQuery("wild", TenantStatus.ACTIVE, TenantQuery.Order.CREATED, false), 0, 10))
                .extracting(TenantRow::id).containsExactly(plain.id());
        assertThat(administration.count(new TenantQuery("wild%", null, TenantQuery.Order.NAME, false))).isZero();
        TenantRow suspended = administration.list(new TenantQuery(other.name(), null, TenantQuery.Order.NAME, false), 0, 10).getFirst();
        assertThat(suspended.suspendedReason()).isEqualTo("Unpaid invoices");
        assertThat(suspended.suspendedAt()).isNotNull();
    }

    @Test
    void createsATenantWithAUniqueSlugTheStarterLibraryAndAnExistingAccountAsAdmin() {
        Member someone = fixtures.member(fixtures.tenant("Elsewhere"), Role.VIEWER);
        signIn(operator);
        String name = Fixtures.unique("Initech");

        TenantAdministration.Created first = administration.create(name, ZoneId.of("America/Chicago"), someone.email().toUpperCase());
        TenantAdministration.Created second = administration.create(name, ZoneId.of("UTC"), null);

        assertThat(first.slug()).isEqualTo(name.toLowerCase());
        assertThat(second.slug()).isEqualTo(name.toLowerCase() + "-2");
        assertThat(first.firstAdmin()).isEqualTo(someone.email());
        assertThat(second.firstAdmin()).isNull();
        TenantRow row = administration.list(new TenantQuery(name, null, TenantQuery.Order.CREATED, false), 0, 10).getFirst();
        assertThat(row.members()).isEqualTo(1);

        // The starter library follows the TenantCreated event, on the template module's own thread.
        long starterTemplates = app.cadence.support.Eventually.until("the starter library in the new organisation",
                () -> scope.call(someone.userId(), first.id(), () -> {
                    assertThat(TenantContext.currentSelection().orElseThrow().role()).isEqualTo(Role.ADMIN);
                    return templates.count(Filter.all());
                }), count -> count >= 5);
        assertThat(starterTemplates).isGreaterThanOrEqualTo(5);
        assertThat(securityLog.tenantLevelLog(0, 50)).filteredOn(e -> first.id().equals(e.tenantId()))
                .extracting(SecurityLog.Entry::type, SecurityLog.Entry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SecurityEventType.TENANT_CREATED, operator.getName()));
    }

    @Test
    void aFirstAdminWithoutAnAccountIsInvitedWithASingleUseLinkInTheNewOrganisationsOutbox() {
        signIn(operator);
        String name = Fixtures.unique("Nobodys");
        String email = "first-admin-" + System.nanoTime() + "@initech.test";

        TenantAdministration.Created created = administration.create(name, ZoneId.of("UTC"), email);
        assertThat(created.firstAdmin()).isNull();
        assertThat(created.invited()).isEqualTo(email);
        // The invitation mail belongs to the new organisation, so its ADMIN will see it in the outbox.
        Mailbox.Mail mail = mailbox.last(email);
        assertThat(mail.tenantId()).isEqualTo(created.id());
        assertThat(mail.kind()).isEqualTo(EmailKind.INVITATION);
        SecurityContextHolder.clearContext();
        var details = acceptance.look(mail.token()).orElseThrow();
        assertThat(details.role()).isEqualTo(Role.ADMIN);
        assertThat(details.tenantName()).isEqualTo(name);

        signIn(operator);
        assertThatThrownBy(() -> administration.create("  ", ZoneId.of("UTC"), null))
                .isInstanceOf(RuleViolationException.class).hasMessage("Enter the organisation's name.");
        assertThatThrownBy(() -> administration.create(Fixtures.unique("Bad"), ZoneId.of("UTC"), "not an address"))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).field()).isEqualTo("firstAdmin"));
    }

    @Test
    void aSuspendedTenantCannotBeEnteredUntilItIsReactivated() {
        Tenant tenant = fixtures.tenant("Suspendable");
        Member admin = fixtures.member(tenant, Role.ADMIN);
        Member pm = fixtures.member(tenant, Role.PM);
        fixtures.project(pm, "KEPT-1", "Kept project");

        signIn(operator);
        assertThatThrownBy(() -> administration.suspend(tenant.id(), "   ")).isInstanceOf(RuleViolationException.class);
        administration.suspend(tenant.id(), "Contract ended");
        assertThatThrownBy(() -> administration.suspend(tenant.id(), "Again")).isInstanceOf(RuleViolationException.class);

        // Sign-in selects nothing, selecting says why, and the picker names it.
        assertThat(accounts.initialSelection(pm.userId())).isEmpty();
        signIn(pm.authenticationWithoutTenant());
        assertThat(selection.choices()).isEmpty();
        assertThat(selection.suspendedTenants()).containsExactly(tenant.name());
        assertThatThrownBy(() -> selection.select(tenant.id())).isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith(tenant.name() + " is suspended");
        assertThatThrownBy(() -> scope.call(pm.userId(), tenant.id(), () -> 0)).isInstanceOf(RecordNotFoundException.class);
        // A stranger learns nothing about it.
        signIn(fixtures.member(fixtures.tenant("Stranger"), Role.ADMIN).authenticationWithoutTenant());
        assertThatThrownBy(() -> selection.select(tenant.id())).isInstanceOf(RecordNotFoundException.class);

        signIn(operator);
        administration.reactivate(tenant.id());

        assertThat(accounts.initialSelection(pm.userId())).isPresent();
        signIn(pm.authenticationWithoutTenant());
        selection.select(tenant.id());
        assertThat(projects.count("KEPT-1")).as("data kept").isEqualTo(1);

        // The tenant's ADMIN and the operators read the same two events, reason included.
        signIn(admin.authentication());
        assertThat(securityLog.tenantLog(0, 10).stream().filter(e -> e.type().tenantLevel()).toList())
                .extracting(SecurityLog.Entry::type, SecurityLog.Entry::detail)
                .startsWith(org.assertj.core.groups.Tuple.tuple(SecurityEventType.TENANT_REACTIVATED, null),
                        org.assertj.core.groups.Tuple.tuple(SecurityEventType.TENANT_SUSPENDED, "Contract ended"));
        signIn(operator);
        assertThat(securityLog.tenantLevelLog(0, 100)).filteredOn(e -> tenant.id().equals(e.tenantId()))
                .extracting(SecurityLog.Entry::type)
                .containsExactly(SecurityEventType.TENANT_REACTIVATED, SecurityEventType.TENANT_SUSPENDED);
    }

    @Test
    void anOperatorReadsNoTenantContentThroughAnyService() {
        Tenant tenant = fixtures.tenant("Private");
        Member pmo = fixtures.member(tenant, Role.PMO);
        fixtures.project(pmo, "PRIV-1", "Private project");
        fixtures.publishedTemplate(pmo, "Private runbook", app.cadence.support.SampleTemplates.runbook());

        signIn(operator);
        assertThatThrownBy(() -> projects.list("", Sort.unsorted(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> projects.count("")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> templates.list(Filter.all(), Sort.unsorted(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> securityLog.tenantLog(0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> selection.select(tenant.id())).as("no entering a tenant one is not a member of")
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(TenantContext.currentTenantId()).isEmpty();
    }
}
