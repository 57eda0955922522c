package app.cadence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantChoice;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelectionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class TenantSelectionServiceTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantSelectionService selection;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void selectingATenantOfAnotherOrganisationIsNotFoundAndChangesNothing() {
        Member pm = fixtures.member(fixtures.tenant("Mine"), Role.PM);
        Fixtures.Tenant foreign = fixtures.tenant("Foreign");
        SecurityContextHolder.getContext().setAuthentication(pm.authentication());

        assertThatThrownBy(() -> selection.select(foreign.id())).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> selection.select(Long.MAX_VALUE)).isInstanceOf(RecordNotFoundException.class);
        assertThat(TenantContext.currentTenantId()).contains(pm.tenantId());
    }

    @Test
    void selectingGrantsExactlyTheRoleOfThatMembership() {
        Member pmo = fixtures.member(fixtures.tenant("One"), Role.PMO);
        Member asViewer = fixtures.join(pmo, fixtures.tenant("Two"), Role.VIEWER);
        SecurityContextHolder.getContext().setAuthentication(pmo.authenticationWithoutTenant());

        assertThat(selection.choices()).extracting(TenantChoice::tenantId).containsExactlyInAnyOrder(pmo.tenantId(), asViewer.tenantId());

        selection.select(asViewer.tenantId());
        assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
                .extracting(a -> a.getAuthority()).containsExactlyElementsOf(Role.VIEWER.authorities());
        assertThat(selection.choices()).filteredOn(TenantChoice::lastUsed).extracting(TenantChoice::tenantId)
                .containsExactly(asViewer.tenantId());
    }
}
