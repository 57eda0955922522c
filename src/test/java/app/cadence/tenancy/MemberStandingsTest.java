package app.cadence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.service.MemberAdministration;
import app.cadence.operator.service.TenantAdministration;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.MemberStandings;
import app.cadence.tenancy.service.MemberStandings.Standing;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What every request's checks compare a session with, read in one statement: the membership as
 * selecting the organisation would give it, and nothing for an organisation the person may not
 * enter; a read is shared only with those who asked before it began.
 */
@IntegrationTest
class MemberStandingsTest {

    @Autowired Fixtures fixtures;
    @Autowired MemberStandings standings;
    @Autowired TenantScope scope;
    @Autowired MemberAdministration members;
    @Autowired TenantAdministration tenants;

    Tenant tenant;
    Member admin;
    Member pm;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Standing");
        admin = fixtures.member(tenant, Role.ADMIN);
        pm = fixtures.member(tenant, Role.PM);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private Standing now(Member member, Long tenantId) {
        return standings.of(member.userId(), tenantId, System.nanoTime());
    }

    @Test
    void aMemberStandsWithTheSelectionTheyWouldGetAndTheirSessionGeneration() {
        Standing standing = now(pm, tenant.id());
        assertThat(standing.selection()).isEqualTo(new TenantSelection(tenant.id(), tenant.name(), Role.PM));
        assertThat(standing.sessionGeneration()).isPresent();
        assertThat(standings.of(pm.userId(), null, System.nanoTime())).as("no organisation asked: the generation only")
                .satisfies(s -> {
                    assertThat(s.selection()).isNull();
                    assertThat(s.sessionGeneration()).isEqualTo(standing.sessionGeneration());
                });

        Tenant elsewhere = fixtures.tenant("Not theirs");
        assertThat(now(pm, elsewhere.id()).selection()).as("an organisation they do not belong to").isNull();
        assertThat(standings.of(-1L, tenant.id(), System.nanoTime()).sessionGeneration()).as("no such account").isEmpty();
    }

    @Test
    void aDeactivatedMemberOrASuspendedOrganisationGivesNoSelection() {
        scope.run(admin.userId(), tenant.id(), () -> members.deactivate(pm.userId()));
        assertThat(now(pm, tenant.id()).selection()).isNull();

        SecurityContextHolder.getContext().setAuthentication(fixtures.operator());
        tenants.suspend(tenant.id(), "Security review");
        SecurityContextHolder.clearContext();
        assertThat(now(admin, tenant.id()).selection()).isNull();
        assertThat(now(admin, tenant.id()).sessionGeneration()).as("the account itself still stands").isPresent();
    }

    @Test
    void aReadIsSharedWithThoseWhoAskedBeforeItBeganAndWithNobodyWhoAskedAfter() {
        long asked = System.nanoTime();
        assertThat(standings.of(pm.userId(), tenant.id(), asked).selection().role()).isEqualTo(Role.PM);
        scope.run(admin.userId(), tenant.id(), () -> members.changeRole(pm.userId(), Role.VIEWER));

        assertThat(standings.of(pm.userId(), tenant.id(), asked).selection().role()).as("asked before the change: the shared read")
                .isEqualTo(Role.PM);
        assertThat(now(pm, tenant.id()).selection().role()).as("asked after it").isEqualTo(Role.VIEWER);
    }
}
